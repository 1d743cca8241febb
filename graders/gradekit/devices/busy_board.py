"""The command board, but sometimes busy: it may answer `ERR BUSY` and do nothing.

Everything else is the `command-board`. Tests call `busy(count)` so that the next `count`
commands are answered with `ERR BUSY` (the command is recorded but not carried out), as a real
board does while it is still moving a servo or writing to its flash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gradekit.devices.board import CommandBoard


@dataclass
class BusyBoard(CommandBoard):
    name = "busy-board"
    busy_left: int = 0
    busy_replies: int = 0

    def busy(self, count: int) -> None:
        """The next `count` commands get `ERR BUSY`; `busy(0)` ends it."""
        self.busy_left = max(0, int(count))

    def on_line(self, line: str) -> None:
        command = line.strip()
        if self.busy_left and command:
            self.busy_left -= 1
            self.busy_replies += 1
            self.commands.append(command)
            self.send_line("ERR BUSY")
            return
        super().on_line(line)

    def state(self) -> dict[str, Any]:
        return {**super().state(), "busy_replies": self.busy_replies}


DEVICE = BusyBoard
