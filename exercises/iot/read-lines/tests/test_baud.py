import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
BAUD = ("the port was opened at another speed than the sensor's 9600 baud, so every byte arrived scrambled; "
        "open it with serial.Serial(port, 9600, timeout=1)")


def test_port_opened_at_9600(submission, device):
    """opens the port at 9600 baud"""
    try:
        lines = submission.read_lines(PORT, 2)
    except LearnerTimeout:
        if any(event["fault"] == "baud" for event in device.record()):
            pytest.fail(BAUD)
        raise
    assert not any(event["fault"] == "baud" for event in device.record()), BAUD
    assert isinstance(lines, list) and len(lines) == 2, "read_lines(port, 2) must return two lines"
