import threading

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
KEYS = {"temperature", "humidity", "light"}


def later(delay, action, *args):
    timer = threading.Timer(delay, action, args)
    timer.daemon = True
    timer.start()
    return timer


def read(submission, device, count, fault):
    """Call read_readings and turn a crash or a hang into a message about the fault that caused it."""
    try:
        readings = submission.read_readings(PORT, count)
    except LearnerTimeout:
        pytest.fail(f"read_readings() never returned while {fault}; it must skip bad lines and keep reading")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"read_readings() raised {kind} while {fault}; catch the ValueError from parse_reading "
                    "and read the next line instead")
    assert not any(event["fault"] == "baud" for event in device.record()), (
        "the port was opened at another speed than 9600 baud, so every byte arrived scrambled"
    )
    assert isinstance(readings, list) and len(readings) == count, (
        "read_readings(port, count) must return a list of exactly `count` readings"
    )
    for reading in readings:
        assert isinstance(reading, dict) and set(reading) == KEYS, (
            "each reading must be a dict with the keys temperature, humidity and light"
        )
    return readings


def plausible(readings):
    return all(isinstance(r["temperature"], float) and -40 <= r["temperature"] <= 85
               and isinstance(r["humidity"], float) and 0 <= r["humidity"] <= 100
               and type(r["light"]) is int and 0 <= r["light"] <= 1023 for r in readings)


def test_values_in_order(submission, device):
    """read_readings() returns the sensor's next readings, in order"""
    first = device.state()["sent"]
    readings = read(submission, device, 5, "the line was clean")
    expected = {}
    for index in range(max(0, first - 3), first + 200):
        values = device.reading(index)
        expected.setdefault((values["T"], values["H"], int(values["L"])), index)
    found = [expected.get((r["temperature"], r["humidity"], r["light"])) for r in readings]
    assert None not in found, "each reading must hold the values of one line the sensor sent"
    assert all(b == a + 1 for a, b in zip(found, found[1:])), (
        "a valid reading was skipped or repeated; return every valid reading once, in order"
    )


@pytest.mark.points(2)
def test_noise(submission, device):
    """read_readings() skips lines corrupted by noise"""
    device.fault("noise", 0.4)
    readings = read(submission, device, 6, "the device sent corrupted lines (noise)")
    assert plausible(readings), (
        "a corrupted line (noise) got through; check each line with parse_reading before using it"
    )


@pytest.mark.points(2)
def test_cut_lines(submission, device):
    """read_readings() skips cut lines"""
    # Every line sent between 0.1 s and 0.25 s is cut short: the pieces and the next whole line
    # arrive as one garbled line, with whole lines before and after it.
    later(0.1, device.fault, "partial", 1.0)
    timer = later(0.25, device.fault, "partial", 0)
    readings = read(submission, device, 5, "the device sent lines cut in the middle (partial)")
    timer.join()
    assert plausible(readings), "a cut line (partial) got through; check each line with parse_reading"


def test_banner(submission, device):
    """read_readings() skips the banner when the sensor resets"""
    timer = later(0.25, device.fault, "reset")
    readings = read(submission, device, 6, "the sensor reset and printed its banner")
    timer.join()
    assert plausible(readings), "every reading must be a valid reading"
