"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""


def test_stays_on_screen(game):
    """the paddle never leaves the screen"""
    info = game.start()
    game.press("LEFT")
    game.seconds(3)
    assert game.state()["x"] == 0, "after holding LEFT for 3 s the paddle should stop at the left edge (x = 0)"
    game.release("LEFT")
    game.press("RIGHT")
    game.seconds(3)
    assert game.state()["x"] == info["width"] - 40, "the paddle should stop at the right edge"


def test_drawn(game):
    """the paddle is drawn in white at the bottom"""
    info = game.start()
    game.step()
    assert game.pixel(info["width"] // 2, info["height"] - 15) == (255, 255, 255), "draw the paddle near the bottom"
