"""A GPS module sending NMEA 0183 sentences ($GPGGA and $GPRMC) once a second, with checksums."""

from __future__ import annotations

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
    minutes = (value - degrees) * 60
    width = 2 if is_latitude else 3
    return f"{degrees:0{width}d}{minutes:07.4f}", hemisphere


@dataclass
class GpsModule(LineDevice):
    name = "gps"
    interval: float = 1.0
    index: int = 0
    next_at: float = 0.0
    fixes: list[dict[str, Any]] = field(default_factory=list)

    def boot(self) -> None:
        self.send_line("$PMTK011,MTKGPS*08")
        self.next_at = 0.0

    def tick(self, now: float) -> None:
        if now < self.next_at:
            return
        self.next_at = now + self.interval
        latitude, longitude = ROUTE[self.index % len(ROUTE)]
        seconds = self.index
        clock = f"1200{seconds:02d}.00"
        lat, ns = to_nmea(latitude, True)
        lon, ew = to_nmea(longitude, False)
        self.send_line(sentence(f"GPGGA,{clock},{lat},{ns},{lon},{ew},1,08,0.9,35.0,M,46.9,M,,"))
        self.send_line(sentence(f"GPRMC,{clock},A,{lat},{ns},{lon},{ew},0.5,54.7,211126,,,A"))
        self.fixes.append({"time": clock, "latitude": latitude, "longitude": longitude})
        self.index += 1

    def state(self) -> dict[str, Any]:
        return {"fixes": list(self.fixes)}


DEVICE = GpsModule
