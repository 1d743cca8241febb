import serial


def nmea_checksum_ok(sentence):
    """True when `sentence` is `$<body>*<two hex digits>` and the digits are the XOR of the body."""
    # TODO
    return False


def to_decimal(value, hemisphere):
    """Decimal degrees from NMEA's (d)ddmm.mmmm and N/S/E/W; south and west are negative."""
    # TODO
    return 0.0


def parse_sentence(line):
    """A dict for a $GPGGA or $GPRMC sentence that holds a fix; None for anything else."""
    # TODO
    return None


def read_positions(port, count):
    """The next `count` fixes as {'time', 'latitude', 'longitude'}, one per time, in order."""
    positions = []
    # TODO: read lines, keep the fixes, one per time
    return positions
