def test_right_half_a_second(game):
    """Holding RIGHT for half a second moves the sprite 90 px to the right"""
    game.start()
    start = game.state()
    game.press("RIGHT")
    game.seconds(0.5)
    end = game.state()
    assert abs(end["x"] - start["x"] - 90) <= 1, "move SPEED * dt pixels each frame"
    assert end["y"] == start["y"], "RIGHT moves the sprite horizontally only"
