import time

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"


def wait_for_the_device(device):
    """End the silence (the device then resets) so that later tests find it talking."""
    device.reconnect()


def give_up(submission, device, fault, silence, slow_hint, **options):
    started = time.monotonic()
    try:
        submission.read_readings(PORT, 3, **options)
    except LearnerTimeout:
        pytest.fail(f"{fault} and read_readings() never returned: open the port with timeout=timeout so that "
                    "readline() stops waiting, count each empty read as a failed read and raise TimeoutError "
                    "after max_failures of them in a row")
    except TimeoutError as exc:
        elapsed = time.monotonic() - started
        wait_for_the_device(device)
        assert elapsed < silence, (
            "read_readings() took far longer than timeout * max_failures seconds to give up; it must give up "
            f"after about that long; {slow_hint}"
        )
        assert str(options["max_failures"]) in str(exc), (
            "the TimeoutError's message must say how many reads failed in a row, e.g. "
            "'no valid reading in 3 reads in a row (last one: timed out)'"
        )
        return
    except Exception as exc:
        wait_for_the_device(device)
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"{fault} and read_readings() raised {kind}; raise TimeoutError after max_failures "
                    "failed reads in a row")
    wait_for_the_device(device)
    pytest.fail(f"{fault} and read_readings() waited until the device came back, instead of "
                "giving up with TimeoutError after max_failures failed reads in a row of at most "
                f"`timeout` seconds each; {slow_hint}")


@pytest.mark.points(2)
def test_binary_garbage(submission, device):
    """gives up with TimeoutError when the device sends only garbage"""
    device.fault("baud", 1)
    give_up(submission, device, "the device sent nothing but binary garbage (as at a wrong baud rate)", 3.0,
            "PySerial's timeout only bounds the wait for the next byte, so cap the line length "
            "(link.readline(64)) or garbage without a newline keeps one read going", timeout=0.25, max_failures=4)


@pytest.mark.points(3)
def test_silent_device(submission, device):
    """gives up with TimeoutError when the device goes silent"""
    device.fault("disconnect", 1.3)
    give_up(submission, device, "the device went silent (disconnect)", 1.2,
            "count every empty read (readline() returned b'') as a failed read", timeout=0.25, max_failures=3)
