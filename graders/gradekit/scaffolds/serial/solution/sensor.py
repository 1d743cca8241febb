import re

import serial

LINE = re.compile(r"^T=(-?\d+\.\d+),H=(\d+\.\d),L=(\d+)$")


def read_temperatures(port, count):
    temperatures = []
    with serial.Serial(port, 9600, timeout=1) as link:
        link.reset_input_buffer()
        while len(temperatures) < count:
            line = link.readline().decode("ascii", "replace").strip()
            match = LINE.match(line)
            if match:
                temperatures.append(float(match.group(1)))
    return temperatures
