def test_menu_then_play(game):
    """The game starts in the menu; RETURN starts playing"""
    game.start()
    game.step()
    assert game.state()["scene"] == "menu", "a new game shows the menu"
    game.press("RETURN")
    game.step()
    game.release("RETURN")
    game.step()
    assert game.state()["scene"] == "play", "RETURN in the menu starts a round"


def test_space_scores(game):
    """Each SPACE press scores a point while playing"""
    game.start()
    for key in ("RETURN", "SPACE", "SPACE"):
        game.press(key)
        game.step()
        game.release(key)
        game.step()
    assert game.state()["score"] == 2, "count one point per SPACE press in the play scene"
