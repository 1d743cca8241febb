def test_walk_right(game):
    """Holding RIGHT for half a second walks 60 px"""
    game.start()
    x0, y0 = game.state()["player"]
    game.press("RIGHT")
    game.seconds(0.5)
    x, y = game.state()["player"]
    assert abs(x - x0 - 60) <= 0.5 and y == y0, "the player walks SPEED (120) px per second: SPEED * dt each frame"


def test_wall_stops(game):
    """Walking left into the wall stops the player against it"""
    game.start()
    game.press("LEFT")
    game.seconds(1)
    x, _ = game.state()["player"]
    assert abs(x - 32) <= 0.01, "the wall tile in column 0 ends at x = 32: the player stops touching it"


def test_camera_follows(game):
    """After walking right for 2 s the camera keeps the player in the middle"""
    game.start()
    game.press("RIGHT")
    game.seconds(2)
    state = game.state()
    x, _ = state["player"]
    camera_x, camera_y = state["camera"]
    assert abs(camera_x - (x + 10 - 160)) <= 1, "camera_x = the player's centre x - half the window's width"
    assert camera_y == 0, "the player is near the top of the map: the camera stops at y = 0"
