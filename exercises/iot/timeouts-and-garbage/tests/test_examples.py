PORT = "/dev/ttyACM0"


def test_three_readings(submission, device):
    """read_readings() returns three readings from a healthy sensor"""
    readings = submission.read_readings(PORT, 3)
    assert isinstance(readings, list) and len(readings) == 3, f"expected a list of 3 readings, got {readings!r}"
    assert all(isinstance(r, dict) and set(r) == {"temperature", "humidity", "light"} for r in readings), (
        f"each reading must be a dict from parse_reading, got {readings!r}"
    )
