import re
import time

import serial

RETRYABLE = "ERR BUSY"


class Board:
    def __init__(self, port, timeout=0.5, retries=3):
        self.link = serial.Serial(port, 9600, timeout=0.05)
        self.timeout = timeout
        self.retries = retries
        self.pending = b""

    def close(self):
        self.link.close()

    def _next_line(self, until):
        """The next whole line before `until`, or None; partial bytes wait in self.pending."""
        while time.monotonic() < until:
            self.pending += self.link.read(self.link.in_waiting or 1)
            if b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                return line.decode("ascii", "replace").strip()
        return None

    def _send(self, command, answer_pattern):
        expected = re.compile(answer_pattern)
        attempt = 0
        while attempt < self.retries:
            attempt += 1
            self.link.reset_input_buffer()
            self.pending = b""
            self.link.write(f"{command}\n".encode())
            until = time.monotonic() + self.timeout
            while (line := self._next_line(until)) is not None:
                if line == RETRYABLE:
                    time.sleep(0.05)
                    break
                if line.startswith("ERR"):
                    raise ValueError(f"{command}: {line}")
                if expected.fullmatch(line):
                    return line
        raise TimeoutError(f"no answer to {command!r} after {attempt} attempts")

    def identify(self):
        return self._send("ID?", r"(?!OK$|BOARD READY$|[A-Z]\w*=\d+$).+")

    def led(self, on):
        self._send(f"LED {'ON' if on else 'OFF'}", "OK")

    def relay(self, on):
        self._send(f"RELAY {'ON' if on else 'OFF'}", "OK")

    def servo(self, angle):
        if type(angle) is not int or angle not in range(181):
            raise ValueError(f"servo angle must be 0..180, got {angle!r}")
        self._send(f"SERVO {angle}", "OK")

    def read_analog(self, pin):
        return int(self._send(f"READ {pin}", rf"{re.escape(pin)}=(\d+)").split("=")[1])
