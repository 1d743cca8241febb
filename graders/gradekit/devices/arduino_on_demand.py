"""The Arduino sensor with a sketch that streams only when asked: `START` begins, `STOP` ends.

After it boots (power on, reset, or the end of a disconnect) it prints its banner and stays
quiet until it receives `START`. A program that logs for hours must notice the banner, or a
silence, and send `START` again. Both commands are answered with `OK`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradekit.devices.arduino import ArduinoSensor


@dataclass
class OnDemandSensor(ArduinoSensor):
    name = "arduino-on-demand"
    streaming: bool = False
    boots: int = 0
    starts: list[dict[str, Any]] = field(default_factory=list)

    def boot(self) -> None:
        self.streaming = False
        self.boots += 1
        super().boot()

    def tick(self, now: float) -> None:
        if self.streaming:
            super().tick(now)

    def on_line(self, line: str) -> None:
        command = line.strip().upper()
        if command == "START":
            self.starts.append({"t": self.elapsed(), "boot": self.boots, "was_streaming": self.streaming})
            self.streaming = True
            self.send_line("OK")
        elif command == "STOP":
            self.streaming = False
            self.send_line("OK")
        else:
            super().on_line(line)

    def state(self) -> dict[str, Any]:
        return {**super().state(), "streaming": self.streaming, "boots": self.boots,
                "starts": [dict(s) for s in self.starts]}


DEVICE = OnDemandSensor
