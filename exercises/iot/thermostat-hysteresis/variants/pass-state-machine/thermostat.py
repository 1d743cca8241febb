import time

import serial

UNKNOWN = "unknown"


def decide(temperature, relay_on, setpoint, band):
    low, high = setpoint - band, setpoint + band
    return True if temperature < low else False if temperature > high else relay_on


def _number(text):
    whole, dot, decimals = text.lstrip("-").partition(".")
    if not (whole.isdigit() and dot and decimals.isdigit()):
        return None
    return float(text)


class Controller:
    def __init__(self, link):
        self.link = link
        self.relay = UNKNOWN

    def command(self, text):
        """The board's answer to `text`, or None when it is silent."""
        self.link.reset_input_buffer()
        self.link.write(f"{text}\n".encode())
        stop = time.monotonic() + 0.3
        while time.monotonic() < stop:
            line = self.link.read_until(b"\n", 40)
            if line.endswith(b"\n") and line.strip() not in (b"", b"THERMOSTAT READY"):
                return line.decode("latin-1").strip()
        return None

    def refresh_relay(self):
        answer = self.command("RELAY?")
        self.relay = {"RELAY=ON": True, "RELAY=OFF": False}.get(answer, UNKNOWN)

    def read(self):
        answer = self.command("TEMP?") or ""
        return _number(answer[5:]) if answer.startswith("TEMP=") else None

    def set_relay(self, on):
        ok = self.command("RELAY ON" if on else "RELAY OFF") == "OK"
        self.relay = on if ok else UNKNOWN
        return ok


def regulate(port, setpoint, band=0.5, duration=3.0, period=0.1):
    seen = []
    link = serial.Serial(port=port, baudrate=9600, timeout=0.1)
    controller = Controller(link)
    stop_at = time.monotonic() + duration
    try:
        while time.monotonic() < stop_at:
            if controller.relay is UNKNOWN:
                controller.refresh_relay()
                continue
            value = controller.read()
            if value is None:
                controller.relay = UNKNOWN
                continue
            seen.append(value)
            target = decide(value, controller.relay, setpoint, band)
            if target is not controller.relay:
                controller.set_relay(target)
            time.sleep(period)
    finally:
        attempts = 0
        while attempts < 5 and not controller.set_relay(False):
            attempts += 1
        link.close()
    return seen
