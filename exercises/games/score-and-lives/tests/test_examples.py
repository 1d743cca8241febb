def test_fruit_falls(game):
    """A fruit falls 60 px in half a second"""
    game.start()
    game.step()
    first = game.state()["fruits"]
    assert first, "a fruit appears as soon as the game starts"
    x, y = first[0]
    game.seconds(0.5)
    later = [f for f in game.state()["fruits"] if abs(f[0] - x) < 0.01]
    assert later, "the fruit should still be falling"
    assert abs(later[0][1] - y - 60) <= 1, "fruits fall FALL_SPEED (120) pixels per second"


def test_new_game(game):
    """A new game: score 0, three lives, not over"""
    game.start()
    state = game.state()
    assert (state["score"], state["lives"], state["over"]) == (0, 3, False)
