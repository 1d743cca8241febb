"""A GPS module sending NMEA 0183 sentences five times a second, with checksums.

Each epoch it sends `$GPGGA` (time, position, fix quality, satellites, altitude) and `$GPRMC`
(time, status A/V, position, speed, course, date); every fifth epoch also a `$GPGSA` the
reader should ignore. Positions follow `route` (decimal degrees, negative south and west);
tests may set another route with `set_route()`, and `lose_fix(n)` makes the next n epochs
report no fix (GGA quality 0 and RMC status V, with empty position fields), as under a bridge.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import LineDevice

# A short walk around a park: (latitude, longitude) in decimal degrees.
ROUTE = [(48.858370, 2.294481), (48.858520, 2.294900), (48.858700, 2.295300), (48.858900, 2.295650),
         (48.859050, 2.296020), (48.859200, 2.296400)]


def checksum(body: str) -> str:
    value = 0
    for char in body:
        value ^= ord(char)
    return f"{value:02X}"


def sentence(body: str) -> str:
    return f"${body}*{checksum(body)}"


def to_nmea(value: float, is_latitude: bool) -> tuple[str, str]:
    hemisphere = ("N" if value >= 0 else "S") if is_latitude else ("E" if value >= 0 else "W")
    value = abs(value)
    degrees = int(value)
    minutes = round((value - degrees) * 60, 4)
    if minutes >= 60:
        degrees, minutes = degrees + 1, 0.0
    width = 2 if is_latitude else 3
    return f"{degrees:0{width}d}{minutes:07.4f}", hemisphere


def from_nmea(text: str, hemisphere: str) -> float:
    """The decimal degrees a sentence's field stands for (what a correct reader computes)."""
    point = text.index(".")
    value = int(text[: point - 2]) + float(text[point - 2:]) / 60
    return -value if hemisphere in "SW" else value


@dataclass
class GpsModule(LineDevice):
    name = "gps"
    interval: float = 0.2
    index: int = 0
    next_at: float = 0.0
    route: list[tuple[float, float]] = field(default_factory=lambda: list(ROUTE))
    no_fix_left: int = 0
    fixes: list[dict[str, Any]] = field(default_factory=list)
    # The time of day of its first fix, in hundredths of a second, drawn afresh for every module (code
    # that never reads the port cannot tell its times), and early enough that no hour of fixes wraps
    # past midnight.
    first_time: int = field(default_factory=lambda: secrets.randbelow(22 * 3600 * 100))

    def boot(self) -> None:
        self.send_line(sentence("PMTK011,MTKGPS"))
        self.next_at = 0.0

    def set_route(self, points: list[tuple[float, float]]) -> None:
        """Walk these (latitude, longitude) points from now on, from the first one."""
        with self.lock:
            self.route = [(float(lat), float(lon)) for lat, lon in points]
            self.index = 0

    def lose_fix(self, count: int) -> None:
        """The next `count` epochs have no fix."""
        self.no_fix_left = max(0, int(count))

    def clock(self, epoch: int) -> str:
        step = round(self.interval * 100)  # hundredths of a second between fixes
        hundredths = self.first_time - self.first_time % step + epoch * step
        seconds, hundredths = divmod(hundredths, 100)
        minutes, seconds = divmod(seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours % 24:02d}{minutes:02d}{seconds:02d}.{hundredths:02d}"

    def tick(self, now: float) -> None:
        if now < self.next_at:
            return
        self.next_at = now + self.interval
        with self.lock:
            latitude, longitude = self.route[self.index % len(self.route)]
            epoch = len(self.fixes)
            self.index += 1
        clock = self.clock(epoch)
        # The record comes first, so that a test reading it right after the learner's code returns finds it.
        if self.no_fix_left:
            self.no_fix_left -= 1
            with self.lock:
                self.fixes.append({"time": clock, "valid": False})
            self.send_line(sentence(f"GPGGA,{clock},,,,,0,00,99.9,,M,,M,,"))
            self.send_line(sentence(f"GPRMC,{clock},V,,,,,,,211126,,,N"))
            return
        lat, ns = to_nmea(latitude, True)
        lon, ew = to_nmea(longitude, False)
        with self.lock:
            self.fixes.append({"time": clock, "valid": True, "latitude": from_nmea(lat, ns),
                               "longitude": from_nmea(lon, ew), "true_latitude": latitude,
                               "true_longitude": longitude})
        self.send_line(sentence(f"GPGGA,{clock},{lat},{ns},{lon},{ew},1,08,0.9,35.0,M,46.9,M,,"))
        self.send_line(sentence(f"GPRMC,{clock},A,{lat},{ns},{lon},{ew},0.5,54.7,211126,,,A"))
        if epoch % 5 == 4:
            self.send_line(sentence("GPGSA,A,3,04,05,09,12,24,25,29,,,,,,1.8,0.9,1.5"))

    def state(self) -> dict[str, Any]:
        with self.lock:
            return {"fixes": [dict(f) for f in self.fixes]}


DEVICE = GpsModule
