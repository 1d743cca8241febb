import pytest

PORT = "/dev/ttyACM0"


def test_parse_example(submission):
    """parse_reading("T=21.43,H=50.0,L=559")"""
    assert submission.parse_reading("T=21.43,H=50.0,L=559") == {"temperature": 21.43, "humidity": 50.0, "light": 559}


def test_parse_rejects_noise(submission):
    """parse_reading() rejects a corrupted line with ValueError"""
    with pytest.raises(ValueError):
        submission.parse_reading("T=2#.43,H=50.0,L=559")


def test_read_two(submission, device):
    """read_readings() returns two readings"""
    readings = submission.read_readings(PORT, 2)
    assert isinstance(readings, list) and len(readings) == 2, f"expected a list of 2 readings, got {readings!r}"
    assert all(isinstance(r, dict) and set(r) == {"temperature", "humidity", "light"} for r in readings), (
        f"each reading must be a dict with the keys temperature, humidity and light, got {readings!r}"
    )
