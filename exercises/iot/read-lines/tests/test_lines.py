import threading
import time

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"


def later(delay, action, *args):
    """Do `action(*args)` on the device `delay` seconds from now, while the learner's code runs."""
    timer = threading.Timer(delay, action, args)
    timer.daemon = True
    timer.start()
    return timer


def line_of(device, index):
    values = device.reading(index)
    return f"T={values['T']:.2f},H={values['H']:.1f},L={int(values['L'])}"


def indices(device, lines, first):
    """The reading index of each returned line (None when it is not one of the sensor's readings)."""
    window = {}
    for index in range(max(0, first - 3), first + 200):
        window.setdefault(line_of(device, index), index)
    return [window.get(line) if isinstance(line, str) else None for line in lines]


BAUD = ("the port was opened at another speed than the sensor's 9600 baud, so every byte arrived scrambled; "
        "open it with serial.Serial(port, 9600, timeout=1)")


def scrambled(device):
    return any(event["fault"] == "baud" for event in device.record())


def read(submission, count, device):
    try:
        lines = submission.read_lines(PORT, count)
    except LearnerTimeout:
        if scrambled(device):
            pytest.fail(BAUD)
        raise
    assert not scrambled(device), BAUD
    assert isinstance(lines, list), "read_lines() must return a list of lines"
    assert len(lines) == count, (
        "read_lines(port, count) returned the wrong number of lines; it must return exactly `count`"
    )
    return lines


def test_text_without_line_endings(submission, device):
    """returns str lines without their line endings"""
    lines = read(submission, 4, device)
    assert not any(isinstance(line, bytes | bytearray) for line in lines), (
        "read_lines() returned bytes; decode each line, e.g. raw.decode('ascii', errors='replace')"
    )
    assert all(isinstance(line, str) for line in lines), "every line must be a str"
    assert not any(line.endswith(("\n", "\r")) for line in lines), (
        "a line still ends with '\\r\\n' (or part of it); strip the line ending"
    )
    assert all(line.startswith("T=") for line in lines), "every returned line must be a reading such as T=..,H=..,L=.."


def test_every_line_in_order(submission, device):
    """returns the next count readings in order, none skipped"""
    first = device.state()["sent"]
    lines = read(submission, 6, device)
    found = indices(device, lines, first)
    assert None not in found, (
        "a returned line is not a whole reading line as the sensor sent it; return each line's text, stripped"
    )
    assert all(b == a + 1 for a, b in zip(found, found[1:])), (
        "a reading was skipped or repeated; return every reading line once, in the order it arrived"
    )


def test_banner_after_reset(submission, device):
    """skips the boot banner when the sensor resets while you read"""
    first = device.state()["sent"]
    timer = later(0.3, device.fault, "reset")
    lines = read(submission, 8, device)
    timer.join()
    assert not any(isinstance(line, str) and "READY" in line for line in lines), (
        "the sensor reset while you were reading and printed its boot banner 'ARDUINO SENSOR v1.3 READY'; "
        "it is not a reading: skip it"
    )
    assert None not in indices(device, lines, first), "every returned line must be one of the sensor's readings"


def test_empty_lines(submission, device):
    """skips empty lines"""
    timers = [later(delay, device.send_line, "") for delay in (0.22, 0.43)]
    lines = read(submission, 7, device)
    for timer in timers:
        timer.join()
    assert "" not in lines, "the sensor sent an empty line (just '\\r\\n'); skip empty lines, they are not readings"
