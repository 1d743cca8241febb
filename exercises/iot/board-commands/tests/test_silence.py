import time

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"


@pytest.mark.points(2)
def test_silent_board(submission, device):
    """gives up with TimeoutError when the board stays silent"""
    device.busy(0)
    board = submission.Board(PORT, timeout=0.15, retries=3)
    device.fault("disconnect", 1.4)
    started = time.monotonic()
    try:
        board.led(True)
    except TimeoutError:
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, (
            "led(True) took far longer than timeout * retries seconds to give up: wait at most `timeout` for "
            "each attempt"
        )
    except LearnerTimeout:
        pytest.fail("the board went silent (disconnect) and led(True) never returned; open the port with a "
                    "timeout, wait at most `timeout` seconds per attempt and raise TimeoutError after `retries`")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"the board went silent (disconnect) and led(True) raised {kind}; raise TimeoutError")
    else:
        pytest.fail("the board went silent (disconnect) but led(True) returned as if it had worked; raise "
                    "TimeoutError when no OK arrives")
    finally:
        device.reconnect()
        board.close()
