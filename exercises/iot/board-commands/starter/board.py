import time

import serial


class Board:
    """A command board on a serial port: one command per line, one answer per command."""

    def __init__(self, port, timeout=0.5, retries=3):
        self.link = serial.Serial(port, 9600, timeout=timeout)
        self.timeout = timeout
        self.retries = retries

    def close(self):
        self.link.close()

    def identify(self):
        # TODO: send "ID?" and return the board's answer
        raise NotImplementedError

    def led(self, on):
        # TODO: send "LED ON" or "LED OFF" and wait for OK
        raise NotImplementedError

    def relay(self, on):
        # TODO
        raise NotImplementedError

    def servo(self, angle):
        # TODO: check the angle, send "SERVO <angle>" and wait for OK
        raise NotImplementedError

    def read_analog(self, pin):
        # TODO: send "READ <pin>" and return the value of "<pin>=<value>"
        raise NotImplementedError
