import serial


def read_lines(port, count):
    """Return the next `count` reading lines from the sensor on `port`, as str without line endings."""
    lines = []
    # TODO: open the port at 9600 baud with a timeout, read lines with readline(),
    # decode them, strip the line ending and skip empty lines and the boot banner.
    return lines
