"""An Arduino streaming sensor readings as text lines: `T=22.50,H=41.2,L=512` ten times a second."""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import LineDevice

BANNER = "ARDUINO SENSOR v1.3 READY"


@dataclass
class ArduinoSensor(LineDevice):
    name = "arduino-sensor"
    interval: float = 0.1
    sent: int = 0
    next_at: float = 0.0
    # Where on its curves this sensor starts, drawn afresh for every device: code that never reads the
    # port cannot tell which readings it sends.
    phase: int = field(default_factory=lambda: secrets.randbelow(100_000))

    def boot(self) -> None:
        self.send_line(BANNER)
        self.next_at = 0.0

    def reading(self, index: int) -> dict[str, float]:
        """The index-th reading this sensor sends: smooth values tests can recompute from the device."""
        index += self.phase
        return {
            "T": round(21.0 + 3.0 * math.sin(index / 7.0), 2),
            "H": round(40.0 + 10.0 * math.cos(index / 11.0), 1),
            "L": float(int(500 + 300 * math.sin(index / 5.0))),
        }

    def tick(self, now: float) -> None:
        if now < self.next_at:
            return
        self.next_at = now + self.interval
        values = self.reading(self.sent)
        self.sent += 1
        self.send_line(f"T={values['T']:.2f},H={values['H']:.1f},L={int(values['L'])}")

    def on_line(self, line: str) -> None:
        if line.strip().upper() == "RATE?":
            self.send_line(f"RATE={int(1 / self.interval)}")

    def state(self) -> dict[str, Any]:
        return {"sent": self.sent}


DEVICE = ArduinoSensor
