import os
import threading
import time

import pytest
from gradekit.devices import TraceEvent
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
KEYS = {"temperature", "humidity", "light"}


def later(delay, action, *args):
    timer = threading.Timer(delay, action, args)
    timer.daemon = True
    timer.start()
    return timer


IN_A_ROW = ("although the sensor kept sending valid readings; only failed reads *in a row* count, and a valid "
            "reading sets the count back to 0")


def read(submission, count, fault, gave_up=IN_A_ROW, **options):
    """Call read_readings and explain a crash, a give-up or a hang in terms of the fault."""
    try:
        readings = submission.read_readings(PORT, count, **options)
    except LearnerTimeout:
        pytest.fail(f"read_readings() never returned while {fault}; open the port with timeout=timeout "
                    "and count each empty or bad read as a failed read")
    except TimeoutError:
        pytest.fail(f"read_readings() gave up with TimeoutError while {fault}, {gave_up}")
    except UnicodeDecodeError:
        pytest.fail(f"read_readings() crashed with UnicodeDecodeError while {fault}; bytes that are not "
                    "text are a failed read: decode with errors='replace' or catch UnicodeDecodeError")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"read_readings() raised {kind} while {fault}; a bad line is a failed read: skip it")
    assert isinstance(readings, list) and len(readings) == count, (
        "read_readings(port, count, ...) must return a list of exactly `count` readings"
    )
    assert all(isinstance(r, dict) and set(r) == KEYS for r in readings), (
        "each reading must be a dict from parse_reading"
    )
    return readings


def plausible(readings):
    return all(15 <= r["temperature"] <= 25 and 25 <= r["humidity"] <= 55 and 190 <= r["light"] <= 810
               for r in readings)


@pytest.mark.points(2)
def test_noise(submission, device):
    """reads through lines corrupted by noise"""
    device.fault("noise", 0.3)
    readings = read(submission, 6, "the device sent corrupted lines (noise)", max_failures=10)
    assert all(-40 <= r["temperature"] <= 85 and 0 <= r["humidity"] <= 100 for r in readings), (
        "a corrupted line (noise) got through; check each line with parse_reading"
    )


@pytest.mark.points(2)
def test_garbage_burst(submission, device):
    """survives a burst of binary garbage"""
    device.fault("baud", 1)
    timer = later(0.3, device.fault, "baud", 0)
    readings = read(submission, 5, "the device sent binary garbage for 0.3 s", timeout=0.5, max_failures=8)
    timer.join()
    assert plausible(readings), "garbage got through as a reading; only complete lines that parse are readings"


def test_slow_device(submission, device):
    """waits for a slow device as long as the timeout allows"""
    device.fault("delay", 0.35)
    started = time.monotonic()
    readings = read(submission, 3, "the device was slow, with a `timeout` long enough for its lines",
                    "which is long enough: open the port with timeout=timeout (the argument), not a fixed value",
                    timeout=1.0, max_failures=2)
    assert plausible(readings), "every reading must be one the sensor sent"
    assert time.monotonic() - started < 6, "reading three lines from a slow device took far too long"


@pytest.mark.points(2)
def test_failures_in_a_row(submission, device):
    """counts failed reads in a row, not in total"""
    done = threading.Event()

    def bursts():
        while not done.is_set():
            device.fault("noise", 1.0)
            if done.wait(0.4):
                break
            device.fault("noise", 0)
            done.wait(0.25)
        device.fault("noise", 0)

    thread = threading.Thread(target=bursts, daemon=True)
    thread.start()
    try:
        readings = read(submission, 5, "bursts of corrupted lines, shorter than max_failures, came between good ones",
                        timeout=0.5, max_failures=6)
    finally:
        done.set()
        thread.join()
    assert all(-40 <= r["temperature"] <= 85 for r in readings), "a corrupted line got through"


@pytest.mark.points(2)
def test_incomplete_line(submission, device):
    """never uses a line that lacks its line ending"""

    def cut_then_silence():
        device.fault("disconnect", 0.7)  # the sensor's own lines stop here ...
        cut = "T=30.00,H=10.0,L=7"  # ... after a line that lost its end (and its last digits)
        with device.lock:
            device.trace.append(TraceEvent(device.elapsed(), "tx", cut, "partial"))
        os.write(device.fd, cut.encode())

    timer = later(0.3, cut_then_silence)
    readings = read(submission, 6, "a line arrived without its \\r\\n and the device then went quiet for 0.7 s",
                    timeout=0.3, max_failures=6)
    timer.join()
    assert not any(r["temperature"] == 30.0 and r["light"] == 7 for r in readings), (
        "a line that was cut off (no \\n at the end: readline() returned it when the timeout ran out) was used as "
        "a reading; its last value may be cut short. Only a line ending in b'\\n' is complete"
    )
