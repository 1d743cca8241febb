import threading
import time
from contextlib import contextmanager

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"


@contextmanager
def board_on(submission, device, fault, **options):
    """A Board for one test; a hang or an unexpected exception becomes a message about `fault`."""
    device.busy(0)
    board = submission.Board(PORT, **options)
    try:
        yield board
    except LearnerTimeout:
        pytest.fail(f"a call never returned while {fault}; wait for each answer at most `timeout` seconds "
                    "(use a deadline), then retry, and raise TimeoutError after `retries` attempts")
    except AssertionError:
        raise
    except (ValueError, TimeoutError) as exc:
        pytest.fail(f"a command failed with {type(exc).__name__} while {fault}; only an ERR answer other than "
                    "ERR BUSY is a ValueError, and only `retries` attempts without OK are a TimeoutError")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"a command raised {kind} while {fault}")
    finally:
        device.busy(0)
        try:
            board.close()
        except Exception:
            pass


def new_commands(device, before):
    return device.state()["commands"][before:]


def test_commands_on_the_wire(submission, device):
    """sends each command as one line in the board's words"""
    before = len(device.state()["commands"])
    with board_on(submission, device, "the board worked normally") as board:
        board.led(True)
        board.relay(True)
        board.servo(45)
        board.led(False)
    sent = new_commands(device, before)
    assert sent == ["LED ON", "RELAY ON", "SERVO 45", "LED OFF"], (
        "the board must receive exactly LED ON, RELAY ON, SERVO 45, LED OFF, one line each, and nothing else"
    )
    state = device.state()
    assert (state["led"], state["relay"], state["servo"]) == (False, True, 45), (
        "after these commands the LED must be off, the relay on and the servo at 45"
    )
    assert device.received().endswith(b"\n"), "end every command with a newline"


def test_read_analog(submission, device):
    """read_analog() returns the pin's value as an int"""
    with board_on(submission, device, "the board worked normally") as board:
        values = [board.read_analog(pin) for pin in ("A0", "A2", "A1")]
    assert values == [512, 1023, 128], "read_analog(pin) must return the number after '<pin>=' in the answer"
    assert all(type(v) is int for v in values), "read_analog() must return an int"


def test_servo_range(submission, device):
    """servo() refuses angles outside 0..180 without sending them"""
    with board_on(submission, device, "the board worked normally") as board:
        for angle in (181, -1, 360):
            try:
                board.servo(angle)
            except ValueError:
                continue
            raise AssertionError("servo() accepted an angle outside 0..180; raise ValueError")
        board.servo(180)
    assert device.received() == b"SERVO 180\n" or device.received().strip() == b"SERVO 180", (
        "a bad angle must be refused before anything is sent: only SERVO 180 should reach the board"
    )


def test_unknown_command(submission, device):
    """a refused command raises ValueError at once, without retrying"""
    before = len(device.state()["commands"])
    board = submission.Board(PORT, retries=3)
    try:
        try:
            board.read_analog("A7")
        except ValueError:
            pass
        except LearnerTimeout:
            pytest.fail("read_analog('A7') never returned; the board answered ERR UNKNOWN COMMAND")
        except Exception as exc:
            kind = getattr(exc, "type_name", type(exc).__name__)
            pytest.fail(f"the board answered ERR UNKNOWN COMMAND and your code raised {kind}; raise ValueError")
        else:
            pytest.fail("the board answered ERR UNKNOWN COMMAND but read_analog() returned; raise ValueError")
    finally:
        board.close()
    sent = new_commands(device, before)
    assert sent.count("READ A7") == 1, (
        "READ A7 was sent more than once; an answer such as ERR UNKNOWN COMMAND will not change "
        "on a retry, so raise ValueError after the first one (retry only ERR BUSY)"
    )


@pytest.mark.points(2)
def test_busy(submission, device):
    """retries a command the board was too busy for"""
    before = len(device.state()["commands"])
    with board_on(submission, device, "the board answered ERR BUSY twice (it did nothing)", retries=4) as board:
        device.busy(2)
        board.led(True)
    assert device.state()["led"] is True, (
        "the board answered ERR BUSY (it did nothing) and your code gave up; send the command again"
    )
    assert new_commands(device, before).count("LED ON") == 3, "LED ON must be sent once per ERR BUSY, plus once"


def test_busy_too_long(submission, device):
    """gives up with TimeoutError after `retries` busy answers"""
    before = len(device.state()["commands"])
    device.busy(10)
    board = submission.Board(PORT, retries=3)
    try:
        board.relay(True)
    except TimeoutError:
        pass
    except LearnerTimeout:
        pytest.fail("relay(True) never returned while the board kept answering ERR BUSY; stop after `retries` "
                    "attempts")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"the board kept answering ERR BUSY and your code raised {kind}; raise TimeoutError after "
                    "`retries` attempts")
    else:
        pytest.fail("the board answered ERR BUSY every time but relay(True) returned; raise TimeoutError")
    finally:
        device.busy(0)
        board.close()
    count = new_commands(device, before).count("RELAY ON")
    assert count == 3, "with retries=3, send the command exactly 3 times in all before giving up"


@pytest.mark.points(2)
def test_noise(submission, device):
    """retries when an answer arrives garbled"""
    device.fault("noise", 0.3)
    with board_on(submission, device, "answers arrived garbled (noise)", timeout=0.3, retries=6) as board:
        board.led(True)
        board.relay(True)
        board.servo(30)
        board.relay(False)
    state = device.state()
    assert (state["led"], state["relay"], state["servo"]) == (True, False, 30), "every command must take effect"


@pytest.mark.points(2)
def test_late_answer(submission, device):
    """matches each answer to its command when answers come late"""
    with board_on(submission, device, "answers came late (delay)", timeout=0.15, retries=3) as board:
        device.fault("delay", 0.2)
        first = board.read_analog("A0")
        device.fault("delay", 0)
        second = board.read_analog("A1")
    assert first == 512, "read_analog('A0') must return A0's value"
    assert second == 128, (
        "an old answer (A0=512, to a READ A0 that had been sent again) arrived while you waited for READ A1; "
        "check that an answer belongs to your command (READ A1 → A1=...) and skip the others"
    )


@pytest.mark.points(2)
def test_short_disconnect(submission, device):
    """retries through a short disconnect and the board's restart"""
    with board_on(submission, device, "the board was disconnected for 0.25 s and then restarted",
                  timeout=0.2, retries=5) as board:
        device.fault("disconnect", 0.5)
        back = threading.Timer(0.25, device.reconnect)  # the cable is back, the board restarts
        back.start()
        board.led(True)
    back.join()
    assert device.state()["led"] is True, "the LED must be on in the end: send the command again after a timeout"
