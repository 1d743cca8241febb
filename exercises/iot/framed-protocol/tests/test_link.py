import threading
import time
from contextlib import contextmanager

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
VALUES = {0: 1234, 1: 42, 2: 65535}


@contextmanager
def link_on(submission, fault, **options):
    """A FramedLink for one test; a hang or an unexpected exception becomes a message about `fault`."""
    link = submission.FramedLink(PORT, **options)
    try:
        yield link
    except LearnerTimeout:
        pytest.fail(f"a call never returned while {fault}; wait at most `timeout` seconds for each reply, "
                    "then send again, and raise TimeoutError after `retries` attempts")
    except AssertionError:
        raise
    except (ValueError, TimeoutError) as exc:
        pytest.fail(f"a request failed with {type(exc).__name__} while {fault}; only an ERROR reply is a "
                    "ValueError, and only `retries` attempts without a valid reply are a TimeoutError")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"a request raised {kind} while {fault}")
    finally:
        try:
            link.close()
        except Exception:
            pass


def frames_since(device, before):
    return device.state()["frames"][before:]


def cuts(device):
    return sum(event["fault"] == "partial" for event in device.record())


def cut_next_reply(device):
    """Cut the device's next reply short, and only that one (a thread switches the fault off once it has)."""
    before = cuts(device)
    device.fault("partial", 1.0)

    def watch():
        deadline = time.monotonic() + 5
        while cuts(device) == before and time.monotonic() < deadline:
            time.sleep(0.005)
        device.fault("partial", 0)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


def healthy(device):
    device.corrupt_replies(0)
    device.nak_requests(0)
    return len(device.state()["frames"])


def test_read_every_channel(submission, device):
    """read_channel() returns each channel's 2-byte value, big-endian"""
    healthy(device)
    with link_on(submission, "the device worked normally") as link:
        got = {channel: link.read_channel(channel) for channel in VALUES}
    assert all(type(v) is int for v in got.values()), "read_channel() must return an int"
    assert got[1] == 42, "channel 1 holds 42; the value is the last two bytes of the reply's payload"
    assert got == VALUES, "a value is wrong; the two value bytes are big-endian (most significant first)"


def test_set_value(submission, device):
    """set_value() sends the value as two bytes, big-endian"""
    before = healthy(device)
    with link_on(submission, "the device worked normally") as link:
        link.set_value(513)
        link.set_value(7)
    sets = [f["payload"] for f in frames_since(device, before) if f["command"] == 0x20 and f["valid"]]
    assert [2, 1] in sets, "set_value() of a value above 255 must send it as 2 bytes, most significant first"
    assert device.state()["setting"] == 7, "after two set_value() calls the device must hold the last value sent"


def test_set_value_range(submission, device):
    """set_value() refuses values outside 0..65535 without sending them"""
    before = healthy(device)
    with link_on(submission, "the device worked normally") as link:
        for value in (-1, 65536, 100000):
            try:
                link.set_value(value)
            except ValueError:
                continue
            raise AssertionError("set_value() accepted a value outside 0..65535; raise ValueError")
    assert not frames_since(device, before), "a refused value must not reach the device: check it before sending"


@pytest.mark.points(3)
def test_damaged_replies(submission, device):
    """never returns a value from a reply whose checksum is wrong"""
    before = healthy(device)
    with link_on(submission, "two replies arrived damaged", retries=4) as link:
        device.corrupt_replies(2)
        value = link.read_channel(0)
    assert value != VALUES[0] ^ 0x5A, (
        "read_channel() returned a value from a damaged reply; check every reply's checksum, and send the "
        "request again when it does not match"
    )
    assert value == VALUES[0], "read_channel() returned a wrong value; the two value bytes are big-endian"
    sent = len(frames_since(device, before))
    assert sent == 3, "the request must be sent once per damaged reply plus once, no more and no fewer"


@pytest.mark.points(2)
def test_nak(submission, device):
    """sends a frame again when the device answers NAK"""
    before = healthy(device)
    with link_on(submission, "the device answered NAK twice", retries=4) as link:
        device.nak_requests(2)
        value = link.read_channel(2)
    assert value == VALUES[2], "after two NAKs the third attempt gets the value; return it"
    assert len(frames_since(device, before)) == 3, "a NAK means: send the same frame again (once per NAK)"


def test_error_reply(submission, device):
    """an ERROR reply raises ValueError at once, without retrying"""
    before = healthy(device)
    link = submission.FramedLink(PORT, retries=3)
    try:
        link.read_channel(9)
    except ValueError:
        pass
    except LearnerTimeout:
        pytest.fail("read_channel() of an unknown channel never returned; the device answered ERROR")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"the device answered ERROR (unknown channel) and your code raised {kind}; raise ValueError")
    else:
        pytest.fail("the device answered ERROR (unknown channel) and read_channel() returned; raise ValueError")
    finally:
        link.close()
    sent = len(frames_since(device, before))
    assert sent == 1, "the request was sent more than once; an ERROR will not change on a retry, so do not retry it"


@pytest.mark.points(2)
def test_gives_up(submission, device):
    """raises TimeoutError after `retries` damaged replies"""
    before = healthy(device)
    device.corrupt_replies(20)
    link = submission.FramedLink(PORT, retries=3)
    try:
        link.ping()
    except TimeoutError:
        pass
    except LearnerTimeout:
        pytest.fail("ping() never returned while every reply arrived damaged; stop after `retries` attempts")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"every reply arrived damaged and your code raised {kind}; raise TimeoutError after "
                    "`retries` attempts")
    else:
        pytest.fail("every reply arrived damaged but ping() returned; a damaged reply is no reply: raise "
                    "TimeoutError in the end")
    finally:
        device.corrupt_replies(0)
        link.close()
    sent = len(frames_since(device, before))
    assert sent == 3, "with retries=3, send the request exactly 3 times in all before giving up"


@pytest.mark.points(2)
def test_noise(submission, device):
    """reads correct values through line noise"""
    healthy(device)
    device.fault("noise", 0.3)
    with link_on(submission, "replies arrived with random bytes changed (noise)", timeout=0.2, retries=8) as link:
        values = [link.read_channel(channel) for channel in (0, 1, 2, 0, 1, 2)]
    assert values == [VALUES[c] for c in (0, 1, 2, 0, 1, 2)], (
        "a value read through noise is wrong; check every reply's checksum before using its (big-endian) value"
    )


@pytest.mark.points(2)
def test_cut_frames(submission, device):
    """sends again when a reply is cut short"""
    healthy(device)
    watcher = cut_next_reply(device)
    started = time.monotonic()
    with link_on(submission, "a reply was cut short (partial)", timeout=0.1, retries=8) as link:
        values = [link.read_channel(channel) for channel in (2, 1, 0)]
    watcher.join()
    assert values == [VALUES[2], VALUES[1], VALUES[0]], "a value read while replies were cut short is wrong; a short read is a failed attempt, not a reply"
    assert time.monotonic() - started < 7, "waiting for the rest of a cut reply must stop after `timeout`"


def test_silent_device(submission, device):
    """gives up with TimeoutError in time when the device is silent"""
    healthy(device)
    link = submission.FramedLink(PORT, timeout=0.05, retries=2)
    device.fault("disconnect", 2.0)
    started = time.monotonic()
    try:
        link.ping()
    except TimeoutError:
        elapsed = time.monotonic() - started
        assert elapsed < 0.5, "ping() took far longer than timeout * retries seconds to give up: wait at most " \
                              "`timeout` for each reply"
    except LearnerTimeout:
        pytest.fail("the device went silent and ping() never returned; read with the port's timeout and give up "
                    "after `retries` attempts")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"the device went silent and ping() raised {kind}; raise TimeoutError")
    else:
        pytest.fail("the device went silent but ping() returned; raise TimeoutError when no reply comes")
    finally:
        device.reconnect()
        link.close()
