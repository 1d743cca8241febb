def test_player_paddle_speed(game):
    """Holding DOWN for 0.2 s moves your paddle 60 px down"""
    game.start()
    y0 = game.state()["player_y"]
    game.press("DOWN")
    game.seconds(0.2)
    assert abs(game.state()["player_y"] - y0 - 60) <= 1, "the player's paddle moves PLAYER_SPEED (300) px/s"


def test_serve(game):
    """The first serve goes from the centre towards you at (240, 180) px/s"""
    game.start()
    ball = game.state()["ball"]
    assert (ball["x"], ball["y"]) == (200, 150), "the ball starts in the centre"
    assert ball["vx"] == -240 and abs(ball["vy"]) == 180, "the first serve goes towards the player"


def test_computer_moves(game):
    """The computer's paddle follows the ball"""
    game.start()
    y0 = game.state()["cpu_y"]
    game.seconds(0.4)
    state = game.state()
    assert abs(state["cpu_y"] - y0 - 60 * (1 if state["ball"]["y"] > y0 else -1)) <= 4, (
        "the computer's paddle moves towards the ball at CPU_SPEED (150) px/s"
    )
