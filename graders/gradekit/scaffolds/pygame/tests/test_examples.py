"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_right(game):
    """holding the right arrow for half a second moves the paddle 120 px right"""
    game.start()
    before = game.state()["x"]
    game.press("RIGHT")
    game.seconds(0.5)
    assert round(game.state()["x"] - before) == 120
