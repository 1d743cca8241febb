"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

The `device` fixture is the simulated sensor: inject faults, then read what it saw.
"""

PORT = "/dev/ttyACM0"


def test_noise_is_skipped(submission, device):
    """skips corrupted lines"""
    device.fault("noise", 0.5)
    values = submission.read_temperatures(PORT, 5)
    assert len(values) == 5, "read_temperatures must return exactly `count` values even when lines are corrupted"
    assert all(15 < v < 30 for v in values), "a corrupted line got through; check each line's format before using it"


def test_port_opened_at_9600(submission, device):
    """opens the port at 9600 baud"""
    submission.read_temperatures(PORT, 1)
    assert not any(event["fault"] == "baud" for event in device.record()), "open the port at 9600 baud"
