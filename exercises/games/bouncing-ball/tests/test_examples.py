def test_moves_at_its_velocity(game):
    """In half a second the ball moves half its velocity: 75 px right, 50 px down"""
    game.start()
    game.seconds(0.5)
    state = game.state()
    assert abs(state["x"] - (160 + 75)) <= 1, "move x by vx * dt every frame"
    assert abs(state["y"] - (120 + 50)) <= 1, "move y by vy * dt every frame"


def test_bounces_off_the_right_wall(game):
    """Clicked near the right wall, the ball bounces back to the left"""
    game.start()
    game.post("MOUSEBUTTONDOWN", pos=(290, 120), button=1)
    game.step(10)
    state = game.state()
    assert state["vx"] == -150, "after hitting the right wall the ball moves left at the same speed"
    assert state["x"] <= 310, "the ball (radius 10) must stay inside the 320 px wide window"
