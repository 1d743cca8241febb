SKY = (135, 206, 235)
SUN = (255, 210, 0)


def test_sky(game):
    """The sky fills the top of the window"""
    game.start()
    game.step()
    assert game.pixel(60, 100) == SKY, "fill the screen with SKY first"


def test_sun(game):
    """The sun is a yellow circle centred at (260, 50)"""
    game.start()
    game.step()
    assert game.pixel(260, 50) == SUN, "draw the sun: pygame.draw.circle(screen, SUN, (260, 50), 25)"


def test_space_scores(game):
    """Pressing SPACE adds a point"""
    game.start()
    game.press("SPACE")
    game.step()
    game.release("SPACE")
    game.step()
    assert game.state()["score"] == 1, "count a point for each SPACE key press"
