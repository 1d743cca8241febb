import threading
import time

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
KEYS = {"temperature", "humidity", "light"}


def collect(submission, device, count, fault, **options):
    """Call collect(); explain a hang or a crash in terms of `fault`; return the result."""
    try:
        result = submission.collect(PORT, count, **options)
    except LearnerTimeout:
        pytest.fail(f"collect() never returned while {fault}; send START again when the banner appears or "
                    "when a read times out")
    except ConnectionError:
        pytest.fail(f"collect() gave up with ConnectionError while {fault}, although the sensor was back soon; "
                    "count only silent reads in a row, and send START again after each")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"collect() raised {kind} while {fault}")
    assert isinstance(result, dict) and set(result) == {"readings", "restarts"}, (
        "collect() must return a dict with the keys readings and restarts"
    )
    readings = result["readings"]
    assert isinstance(readings, list) and len(readings) == count, (
        "collect(port, count) must return exactly `count` readings"
    )
    assert all(isinstance(r, dict) and set(r) == KEYS for r in readings), "each reading must come from parse_reading"
    return result


def indices(device, readings, first):
    window = {}
    for index in range(max(0, first - 3), first + 300):
        values = device.reading(index)
        window.setdefault((values["T"], values["H"], int(values["L"])), index)
    return [window.get((r["temperature"], r["humidity"], r["light"])) for r in readings]


def starts(device):
    return [e for e in device.record() if e["dir"] == "rx" and "START" in e["data"]]


def resets(device):
    return [e for e in device.record() if e["fault"] == "reset"]


def reset_later(device, delay, seen):
    """Reset the sensor `delay` s from now, noting how many readings it had sent by then."""
    def reset():
        seen.append(device.state()["sent"])
        device.fault("reset")

    timer = threading.Timer(delay, reset)
    timer.start()
    return timer


def test_start_once(submission, device):
    """sends START once and STOP at the end when nothing goes wrong"""
    first = device.state()["sent"]
    result = collect(submission, device, 5, "the sensor worked normally")
    found = indices(device, result["readings"], first)
    assert None not in found and all(b == a + 1 for a, b in zip(found, found[1:])), (
        "return the sensor's readings in order, none skipped or repeated"
    )
    sent = device.received().count(b"START")
    assert sent == 1, "START was sent more than once while the sensor streamed normally; send it once, then again " \
                      "only after the banner or a silence"
    deadline = time.monotonic() + 0.5
    while device.state()["streaming"] and time.monotonic() < deadline:
        time.sleep(0.02)
    assert device.state()["streaming"] is False, "send STOP once you have enough readings"


@pytest.mark.points(2)
def test_restart(submission, device):
    """starts the sensor again at once when its banner appears"""
    seen = []
    timer = reset_later(device, 0.35, seen)
    result = collect(submission, device, 8, "the sensor restarted", timeout=2.0)
    timer.join()
    assert result["restarts"] == 1, "the sensor restarted once (one banner); count it in restarts"
    reset_at = resets(device)[0]["t"]
    after = [e["t"] for e in starts(device) if e["t"] > reset_at]
    assert after, "the sensor restarted and no START followed; send START again when the banner appears"
    assert after[0] - reset_at < 0.5, (
        "START came too long after the banner; send it as soon as the banner arrives, not "
        "after a timeout"
    )


@pytest.mark.points(2)
def test_resume(submission, device):
    """keeps the readings from before a restart, and repeats none"""
    first = device.state()["sent"]
    seen = []
    timer = reset_later(device, 0.35, seen)
    result = collect(submission, device, 8, "the sensor restarted", timeout=1.0)
    timer.join()
    found = indices(device, result["readings"], first)
    assert None not in found, "every reading must be one the sensor sent"
    assert found[0] < seen[0], (
        "the readings from before the restart are missing; resume after a restart: keep what you collected"
    )
    assert found == sorted(set(found)), "a reading was repeated or came out of order"


def test_two_restarts(submission, device):
    """survives two restarts in one run"""
    seen = []
    timers = [reset_later(device, 0.3, seen), reset_later(device, 0.8, seen)]
    result = collect(submission, device, 10, "the sensor restarted twice", timeout=1.0)
    for timer in timers:
        timer.join()
    assert result["restarts"] == 2, "the sensor restarted twice; restarts must be 2"


@pytest.mark.points(2)
def test_short_disconnect(submission, device):
    """resumes after the cable dropped out for a moment"""
    timer = threading.Timer(0.3, device.fault, ("disconnect", 0.8))
    timer.start()
    result = collect(submission, device, 6, "the cable dropped out for 0.8 s", timeout=0.3, max_silences=6)
    timer.join()
    assert len(result["readings"]) == 6


@pytest.mark.points(2)
def test_silences_in_a_row(submission, device):
    """counts silences in a row, not in total"""
    # A 0.5 s drop-out against timeout=0.4 gives exactly one silent read: the read that times out
    # began before the drop-out, and the next one is still waiting when the banner comes back.
    timers = [threading.Timer(delay, device.fault, ("disconnect", 0.5)) for delay in (0.3, 1.0)]
    for timer in timers:
        timer.start()
    collect(submission, device, 8, "the cable dropped out twice, each time for less than max_silences * timeout",
            timeout=0.4, max_silences=2)
    for timer in timers:
        timer.join()


@pytest.mark.points(2)
def test_gives_up(submission, device):
    """raises ConnectionError after max_silences silent reads in a row"""
    collect(submission, device, 1, "the sensor worked normally")
    device.fault("disconnect", 3.0)
    started = time.monotonic()
    try:
        submission.collect(PORT, 4, timeout=0.25, max_silences=3)
    except ConnectionError as exc:
        elapsed = time.monotonic() - started
        assert elapsed < 1.6, (
            "collect() took far longer than timeout * max_silences seconds to give up; count silent reads in a "
            "row and stop at max_silences"
        )
        assert "3" in str(exc), "the ConnectionError's message must say how many silent reads there were"
    except LearnerTimeout:
        pytest.fail("the sensor stayed silent and collect() never returned; count silent reads (readline() "
                    "returned b'') and raise ConnectionError after max_silences of them in a row")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"the sensor stayed silent and collect() raised {kind}; raise ConnectionError")
    else:
        pytest.fail("the sensor stayed silent for 3 s, yet collect() returned; raise ConnectionError after "
                    "max_silences silent reads in a row")
    finally:
        device.reconnect()
