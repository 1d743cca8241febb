import re
import time

import serial

TEMP = re.compile(rb"TEMP=(-?\d+(?:\.\d+)?)")


def decide(temperature, relay_on, setpoint, band):
    low, high = setpoint - band, setpoint + band
    return True if temperature < low else False if temperature > high else relay_on


def _ask(port, command, timeout=0.3):
    """Send a command; the first non-banner line that arrives before the timeout (bytes), or None."""
    port.reset_input_buffer()
    port.write(command + b"\n")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = port.readline()
        if not line.endswith(b"\n"):
            continue
        line = line.strip()
        if line and line != b"THERMOSTAT READY":
            return line
    return None


def _relay(port):
    answer = _ask(port, b"RELAY?")
    return {b"RELAY=ON": True, b"RELAY=OFF": False}.get(answer)


def regulate(port, setpoint, band=0.5, duration=3.0, period=0.1):
    link = serial.Serial(port, baudrate=9600, timeout=0.3)
    temps = []
    state = None
    try:
        stop = time.monotonic() + duration
        while time.monotonic() < stop:
            if state is None:
                state = _relay(link)
            answer = _ask(link, b"TEMP?")
            match = TEMP.fullmatch(answer) if answer else None
            if match is None:
                state = None
            elif state is not None:
                t = float(match[1])
                temps.append(t)
                want = decide(t, state, setpoint, band)
                if want != state:
                    ok = _ask(link, b"RELAY ON" if want else b"RELAY OFF") == b"OK"
                    state = want if ok else None
            time.sleep(period)
    finally:
        for _ in range(3):
            if _ask(link, b"RELAY OFF") == b"OK":
                break
        link.close()
    return temps
