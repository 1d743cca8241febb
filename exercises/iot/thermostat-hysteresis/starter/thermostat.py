import re
import time

import serial

TEMPERATURE = re.compile(r"TEMP=(-?\d+\.\d+)")


def decide(temperature, relay_on, setpoint, band):
    """The relay state hysteresis asks for: on below the band, off above it, unchanged inside."""
    # TODO
    return temperature < setpoint


def regulate(port, setpoint, band=0.5, duration=3.0, period=0.1):
    """Keep the box between setpoint - band and setpoint + band for `duration` seconds."""
    readings = []
    with serial.Serial(port, 9600, timeout=0.3) as link:
        # TODO: learn the relay's state, then loop: read the temperature, decide, switch.
        pass
    return readings
