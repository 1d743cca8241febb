import pytest

SKY = (135, 206, 235)
GROUND = (70, 160, 60)
WALL = (200, 80, 60)
DOOR = (90, 50, 20)
ROOF = (120, 40, 30)
SUN = (255, 210, 0)


def look(game, points, colour, message):
    for x, y in points:
        assert game.pixel(x, y) == colour, f"{message} (look at pixel ({x}, {y}))"


def press_space(game, times=1):
    for _ in range(times):
        game.press("SPACE")
        game.step()
        game.release("SPACE")
        game.step()


def test_ground(game):
    """The ground is a green strip from y = 180 to the bottom"""
    info = game.start()
    game.step()
    w, h = info["width"], info["height"]
    look(game, [(2, 182), (w // 2, h - 2), (w - 2, 200)], GROUND,
         "the ground must fill the window's width from y = 180 down to the bottom, in GROUND")
    look(game, [(2, 177), (w - 2, 177)], SKY, "above y = 180 it is sky: the ground starts at y = 180")


@pytest.mark.points(2)
def test_house(game):
    """The wall is a 100x70 rectangle at (100, 110), with the door drawn on it"""
    game.start()
    game.step()
    look(game, [(103, 113), (196, 113), (103, 176), (196, 176), (120, 150)], WALL,
         "the wall is the rectangle (100, 110, 100, 70) filled with WALL")
    look(game, [(96, 150), (204, 150)], SKY, "the wall is too wide: it spans x = 100 to 199")
    look(game, [(138, 143), (161, 176), (150, 160)], DOOR,
         "the door is the rectangle (135, 140, 30, 40) in DOOR, drawn after (on top of) the wall")
    look(game, [(131, 160), (168, 160), (150, 136)], WALL, "the door must be 30x40 at (135, 140), no bigger")


@pytest.mark.points(2)
def test_roof(game):
    """The roof is a triangle from (90, 110) up to (150, 60) and down to (210, 110)"""
    game.start()
    game.step()
    look(game, [(150, 65), (150, 107), (95, 108), (205, 108), (120, 90), (180, 90)], ROOF,
         "the roof is the triangle (90, 110), (150, 60), (210, 110) filled with ROOF")
    look(game, [(105, 75), (195, 75), (150, 55), (92, 92)], SKY,
         "beside the roof's slopes it must be sky: draw a triangle with pygame.draw.polygon, not a rectangle")


@pytest.mark.points(2)
def test_sun_is_a_circle(game):
    """The sun is a circle of radius 25 around (260, 50)"""
    game.start()
    game.step()
    look(game, [(260, 50), (282, 50), (238, 50), (260, 28), (260, 72), (275, 65)], SUN,
         "the sun is a circle of radius 25 around (260, 50), filled with SUN")
    look(game, [(260, 78), (288, 50), (232, 50), (260, 22)], SKY,
         "the sun is too big: its radius is 25 pixels (pygame.draw.circle takes the radius, not the diameter)")
    look(game, [(280, 70), (240, 30), (280, 30)], SKY,
         "the sun's corners must be sky: draw a circle (pygame.draw.circle), not a square")


def text_box(capture):
    box = capture().ink(0, 0, 200, 60, SKY)
    assert box is not None, "draw the text 'Score: 0' at (10, 10): nothing but sky is in the top-left corner"
    return box


@pytest.mark.points(2)
def test_text_drawn(game, capture):
    """'Score: 0' is written at the top left"""
    game.start()
    game.step()
    left, top, right, bottom = text_box(capture)
    assert 8 <= left <= 16 and 8 <= top <= 20, (
        "the text must start at (10, 10): blit the rendered text there"
    )
    assert 10 <= bottom - top <= 40 and 40 <= right - left <= 180, (
        "the top-left corner should hold one line of text like 'Score: 0' (pygame.font.Font(None, 32))"
    )


@pytest.mark.points(2)
def test_text_follows_score(game, capture):
    """The text shows the current score, not the one at the start"""
    game.start()
    game.step()
    first = capture()
    press_space(game)
    assert game.state()["score"] == 1, "pressing SPACE must add 1 to the score (state()['score'])"
    second = capture()
    assert first.region(0, 0, 200, 60) != second.region(0, 0, 200, 60), (
        "after SPACE the score is 1 but the text did not change: render the text in draw(), every frame"
    )
    press_space(game, 9)
    assert game.state()["score"] == 10, "ten presses of SPACE must make the score 10"
    left, _, right, _ = text_box(capture)
    _, _, first_right, _ = first.ink(0, 0, 200, 60, SKY)
    assert right >= first_right + 5, "with a score of 10 the text 'Score: 10' must be wider than 'Score: 0'"


def test_one_point_per_press(game):
    """Holding SPACE down counts one point, not one per frame"""
    game.start()
    game.step()
    game.press("SPACE")
    game.step(20)
    game.release("SPACE")
    game.step()
    score = game.state()["score"]
    assert score == 1, (
        "holding SPACE down for 20 frames must score exactly 1; count KEYDOWN events in handle_event, "
        "not keys held in update()"
    )
    press_space(game, 2)
    assert game.state()["score"] == 3, "each new press of SPACE adds one point"


def test_new_game_scores_zero(game):
    """A new game starts with a score of 0"""
    game.start()
    press_space(game, 2)
    game.start()
    game.step()
    assert game.state()["score"] == 0, "keep the score on self: a new Game starts at 0"
