PORT = "/dev/ttyACM0"


def test_three_readings(submission, device):
    """collect() starts the sensor and returns three readings"""
    result = submission.collect(PORT, 3)
    assert isinstance(result, dict) and set(result) == {"readings", "restarts"}
    assert len(result["readings"]) == 3 and result["restarts"] == 0
