"""A command/response board: LED, relay and servo, `ID?` and `READ A0`, each answered with a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import LineDevice

BANNER = "BOARD READY"


@dataclass
class CommandBoard(LineDevice):
    name = "command-board"
    board_id: str = "LP-BOARD-01 FW2.4"
    led: bool = False
    relay: bool = False
    servo: int = 90
    analog: dict[str, int] = field(default_factory=lambda: {"A0": 512, "A1": 128, "A2": 1023})
    commands: list[str] = field(default_factory=list)

    def boot(self) -> None:
        self.led, self.relay, self.servo = False, False, 90
        self.send_line(BANNER)

    def on_line(self, line: str) -> None:
        command = line.strip()
        self.commands.append(command)
        words = command.upper().split()
        if not words:
            return
        reply = self.answer(words)
        self.send_line(reply)

    def answer(self, words: list[str]) -> str:
        match words:
            case ["ID?"]:
                return self.board_id
            case ["LED", "ON" | "OFF" as value]:
                self.led = value == "ON"
                return "OK"
            case ["RELAY", "ON" | "OFF" as value]:
                self.relay = value == "ON"
                return "OK"
            case ["SERVO", angle] if angle.isdigit() and 0 <= int(angle) <= 180:
                self.servo = int(angle)
                return "OK"
            case ["READ", pin] if pin in self.analog:
                return f"{pin}={self.analog[pin]}"
            case _:
                return "ERR UNKNOWN COMMAND"

    def state(self) -> dict[str, Any]:
        return {"led": self.led, "relay": self.relay, "servo": self.servo, "commands": list(self.commands)}


DEVICE = CommandBoard
