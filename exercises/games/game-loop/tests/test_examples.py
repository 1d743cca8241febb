BACKGROUND = (30, 30, 60)


def test_background(game):
    """The window is filled with the background colour"""
    game.start()
    game.step()
    assert game.pixel(5, 5) == BACKGROUND, "fill the screen with BACKGROUND at the start of draw()"


def test_one_second(game):
    """60 frames at 60 fps: 60 frames counted, 1 second elapsed"""
    info = game.start()
    game.step(info["fps"])
    state = game.state()
    assert state["frames"] == info["fps"], "count one frame per update() call"
    assert abs(state["elapsed"] - 1.0) < 0.01, "add dt to the elapsed time in update()"
