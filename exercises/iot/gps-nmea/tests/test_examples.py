import pytest

PORT = "/dev/ttyACM0"
GGA = "$GPGGA,120000.00,4851.5022,N,00217.6689,E,1,08,0.9,35.0,M,46.9,M,,*5B"


def test_checksum(submission):
    """nmea_checksum_ok() accepts the example GGA sentence"""
    assert submission.nmea_checksum_ok(GGA) is True


def test_to_decimal(submission):
    """to_decimal("4851.5022", "N")"""
    assert submission.to_decimal("4851.5022", "N") == pytest.approx(48.85837)


def test_parse_gga(submission):
    """parse_sentence() of the example GGA sentence"""
    fix = submission.parse_sentence(GGA)
    assert fix["type"] == "GGA" and fix["time"] == "120000.00"
    assert fix["latitude"] == pytest.approx(48.85837) and fix["longitude"] == pytest.approx(2.2944817)


def test_read_two(submission, device):
    """read_positions() returns two positions"""
    positions = submission.read_positions(PORT, 2)
    assert isinstance(positions, list) and len(positions) == 2
    assert all(set(p) == {"time", "latitude", "longitude"} for p in positions)
