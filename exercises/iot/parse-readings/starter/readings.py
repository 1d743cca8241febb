import serial


def parse_reading(line):
    """{'temperature': float, 'humidity': float, 'light': int} for a valid line; ValueError otherwise."""
    # TODO: check the whole line's shape, convert the values, check their ranges.
    raise NotImplementedError


def read_readings(port, count):
    """The next `count` valid readings from the sensor on `port`, skipping lines that do not parse."""
    readings = []
    # TODO
    return readings
