def test_coins_spin(game):
    """After 0.3 s the coins show animation frame 2"""
    game.start()
    game.seconds(0.3)
    frames = [coin["frame"] for coin in game.state()["coins"]]
    assert frames == [2, 2, 2, 2, 2], "the coins run at COIN_FPS (8) animation frames per second"


def test_click_collects(game):
    """Clicking a coin collects it"""
    game.start()
    game.post("MOUSEBUTTONDOWN", pos=(110, 80), button=1)
    game.step()
    state = game.state()
    assert state["score"] == 1, "a click on a coin scores a point"
    assert len(state["coins"]) == 4, "the clicked coin leaves the group"
    assert len(state["sparkles"]) == 1, "every click starts a sparkle"
