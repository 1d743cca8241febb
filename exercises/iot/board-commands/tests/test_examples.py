PORT = "/dev/ttyACM0"


def test_identify(submission, device):
    """identify() returns the board's ID"""
    board = submission.Board(PORT)
    try:
        assert board.identify() == "LP-BOARD-01 FW2.4"
    finally:
        board.close()


def test_led_on(submission, device):
    """led(True) switches the LED on"""
    board = submission.Board(PORT)
    try:
        board.led(True)
        assert device.state()["led"] is True, "the board's LED is still off"
        board.led(False)
        assert device.state()["led"] is False, "the board's LED is still on"
    finally:
        board.close()
