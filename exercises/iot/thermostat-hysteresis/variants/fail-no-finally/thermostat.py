import re
import time

import serial

TEMPERATURE = re.compile(r"TEMP=(-?\d+\.\d+)")
RANGE = (-40.0, 125.0)
BANNER = "THERMOSTAT READY"


class Heater:
    """The thermostat box: ask for the temperature, switch the relay, each answered with one line."""

    def __init__(self, port, timeout=0.3):
        self.link = serial.Serial(port, 9600, timeout=timeout)
        self.timeout = timeout

    def close(self):
        self.link.close()

    def ask(self, command, pattern):
        """Send `command`; the first answer matching `pattern` before the timeout, or None."""
        self.link.reset_input_buffer()
        self.link.write(command.encode("ascii") + b"\n")
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            raw = self.link.readline(64)
            line = raw.decode("ascii", errors="replace").strip()
            if not raw.endswith(b"\n") or not line or line == BANNER:
                continue
            return pattern.fullmatch(line)  # the answer, or None when it arrived garbled
        return None

    def temperature(self):
        match = self.ask("TEMP?", TEMPERATURE)
        if match is None:
            return None
        value = float(match[1])
        return value if RANGE[0] <= value <= RANGE[1] else None

    def relay_is_on(self):
        match = self.ask("RELAY?", re.compile(r"RELAY=(ON|OFF)"))
        return None if match is None else match[1] == "ON"

    def switch(self, on):
        """True once the box acknowledged the command."""
        return self.ask("RELAY ON" if on else "RELAY OFF", re.compile("OK")) is not None


def decide(temperature, relay_on, setpoint, band):
    """The relay state hysteresis asks for: on below the band, off above it, unchanged inside."""
    if temperature < setpoint - band:
        return True
    if temperature > setpoint + band:
        return False
    return relay_on


def regulate(port, setpoint, band=0.5, duration=3.0, period=0.1):
    heater = Heater(port)
    readings = []
    relay_on = heater.relay_is_on()
    end = time.monotonic() + duration
    while time.monotonic() < end:
        if relay_on is None:
            relay_on = heater.relay_is_on()
        temperature = heater.temperature()
        if temperature is None:
            relay_on = None
        elif relay_on is not None:
            readings.append(temperature)
            wanted = decide(temperature, relay_on, setpoint, band)
            if wanted != relay_on:
                relay_on = wanted if heater.switch(wanted) else None
        time.sleep(period)
    heater.switch(False)          # switched off at the end... but only when nothing went wrong
    heater.close()
    return readings
