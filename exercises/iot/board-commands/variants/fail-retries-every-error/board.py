import re
import time

import serial

BANNER = "BOARD READY"
BUSY = "ERR BUSY"
PIN_VALUE = re.compile(r"[A-Z]\w*=\d+")


class Board:
    """A command board on a serial port: one command per line, one answer per command."""

    def __init__(self, port, timeout=0.5, retries=3):
        self.link = serial.Serial(port, 9600, timeout=timeout)
        self.timeout = timeout
        self.retries = retries

    def close(self):
        self.link.close()

    def _lines_until(self, deadline):
        """The lines that arrive before `deadline`, decoded and stripped."""
        while time.monotonic() < deadline:
            raw = self.link.readline(128)
            if raw.endswith(b"\n"):
                yield raw.decode("ascii", errors="replace").strip()

    def _exchange(self, command, accept):
        """Send `command` until a line for which accept(line) is true arrives; return that line."""
        for _ in range(self.retries):
            self.link.reset_input_buffer()
            self.link.write(command.encode("ascii") + b"\n")
            busy = False
            for line in self._lines_until(time.monotonic() + self.timeout):
                if line == BUSY:
                    busy = True
                    break
                if line.startswith("ERR"):
                    busy = True
                    break
                if accept(line):
                    return line
            if busy:
                time.sleep(0.05)
        raise TimeoutError(f"no answer to {command!r} after {self.retries} attempts")

    def _expect_ok(self, command):
        self._exchange(command, lambda line: line == "OK")

    def identify(self):
        return self._exchange(
            "ID?", lambda line: bool(line) and line not in ("OK", BANNER) and not PIN_VALUE.fullmatch(line)
        )

    def led(self, on):
        self._expect_ok("LED ON" if on else "LED OFF")

    def relay(self, on):
        self._expect_ok("RELAY ON" if on else "RELAY OFF")

    def servo(self, angle):
        if isinstance(angle, bool) or not isinstance(angle, int) or not 0 <= angle <= 180:
            raise ValueError(f"servo angle must be 0..180, got {angle!r}")
        self._expect_ok(f"SERVO {angle}")

    def read_analog(self, pin):
        answer = re.compile(rf"{re.escape(pin)}=(\d+)")
        line = self._exchange(f"READ {pin}", lambda line: answer.fullmatch(line) is not None)
        return int(line.split("=", 1)[1])
