import math

import pytest

BACKGROUND = (20, 20, 30)
SIZE = 32


def position(game):
    state = game.state()
    assert isinstance(state, dict) and "x" in state and "y" in state, "state() must be a dict with 'x' and 'y'"
    x, y = state["x"], state["y"]
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (x, y)), (
        "state()['x'] and state()['y'] must be numbers (the sprite's top-left corner)"
    )
    return x, y


def hold(game, keys, seconds):
    for key in keys:
        game.press(key)
    game.seconds(seconds)
    for key in keys:
        game.release(key)
    game.step()  # the frame where the keys are released moves nothing


def test_starts_centred(game):
    """The sprite starts in the middle of the window"""
    info = game.start()
    game.step()
    x, y = position(game)
    assert abs(x - (info["width"] - SIZE) / 2) <= 1 and abs(y - (info["height"] - SIZE) / 2) <= 1, (
        "the sprite's top-left corner must start at ((width - 32) / 2, (height - 32) / 2)"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("key, dx, dy", [("RIGHT", 1, 0), ("LEFT", -1, 0), ("DOWN", 0, 1), ("UP", 0, -1)])
def test_speed_per_second(game, key, dx, dy):
    """Each arrow key moves the sprite 180 pixels per second"""
    game.start()
    x0, y0 = position(game)
    hold(game, [key], 0.5)
    x, y = position(game)
    moved = math.hypot(x - x0, y - y0)
    assert moved > 0, f"holding {key} did not move the sprite"
    assert (x - x0) * dx >= 0 and (y - y0) * dy >= 0, f"{key} moved the sprite the wrong way"
    assert abs(moved - 90) <= 1, (
        f"holding {key} for 0.5 s must move the sprite 90 px, and it didn't: move SPEED * dt each frame, "
        "keep x and y as floats (a pygame.Rect drops the fractions), and don't assume a frame rate"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("key, dx, dy", [("d", 1, 0), ("a", -1, 0), ("s", 0, 1), ("w", 0, -1)])
def test_wasd(game, key, dx, dy):
    """W, A, S and D move the sprite like the arrow keys"""
    game.start()
    x0, y0 = position(game)
    hold(game, [key], 0.3)
    x, y = position(game)
    assert abs((x - x0) - 54 * dx) <= 1 and abs((y - y0) - 54 * dy) <= 1, (
        f"the {key.upper()} key must move the sprite like its arrow key, 180 px per second"
    )


@pytest.mark.points(2)
def test_diagonal_same_speed(game):
    """Moving diagonally is not faster than moving straight"""
    game.start()
    x0, y0 = position(game)
    hold(game, ["RIGHT"], 0.5)
    straight = math.hypot(position(game)[0] - x0, position(game)[1] - y0)
    game.start()
    hold(game, ["RIGHT", "DOWN"], 0.5)
    x, y = position(game)
    moved = math.hypot(x - x0, y - y0)
    assert abs(straight - 90) <= 1, (
        "holding RIGHT for 0.5 s must move the sprite 90 px, and it didn't: fix the straight speed first"
    )
    assert abs(moved - 90) <= 1.5, (
        "holding RIGHT and DOWN for 0.5 s must move the sprite 90 px in all, and it didn't: normalise the direction "
        "so the diagonal speed is 180 px/s too"
    )
    assert abs((x - x0) - (y - y0)) <= 1, "RIGHT and DOWN together must move the sprite equally right and down"


@pytest.mark.points(3)
@pytest.mark.parametrize("key", ["LEFT", "RIGHT", "UP", "DOWN"])
def test_stays_on_screen(game, key):
    """The whole sprite stays inside the window"""
    info = game.start()
    w, h = info["width"], info["height"]
    game.press(key)
    for _ in range(5):
        game.seconds(0.5)
        x, y = position(game)
        assert -0.01 <= x <= w - SIZE + 0.01 and -0.01 <= y <= h - SIZE + 0.01, (
            f"after holding {key} part of the sprite is off the "
            f"screen; keep 0 <= x <= width - {SIZE} and 0 <= y <= height - {SIZE}"
        )
    edge = {"LEFT": x, "UP": y, "RIGHT": w - SIZE - x, "DOWN": h - SIZE - y}[key]
    assert edge <= 1, f"after holding {key} for 2.5 s the sprite must stop right at the edge of the window"


def test_release_stops(game):
    """Releasing the key stops the sprite"""
    game.start()
    start = position(game)
    hold(game, ["LEFT"], 0.2)
    x0, y0 = position(game)
    assert (x0, y0) != start, "holding LEFT did not move the sprite"
    game.seconds(0.5)
    assert position(game) == (x0, y0), "the sprite kept moving after LEFT was released: move only while a key is held"


def test_opposite_keys(game):
    """LEFT and RIGHT held together cancel out; letting go of one moves the other way"""
    game.start()
    x0, _ = position(game)
    game.press("RIGHT")
    game.press("LEFT")
    game.seconds(0.2)
    x1, _ = position(game)
    assert abs(x1 - x0) <= 1, "with LEFT and RIGHT both held the sprite must stay where it is"
    game.release("LEFT")
    game.seconds(0.2)
    x2, _ = position(game)
    assert x2 - x1 >= 30, (
        "RIGHT is still held after LEFT is released, so the sprite must move right again: "
        "look at which keys are held, not only at the last key pressed"
    )


@pytest.mark.points(2)
def test_drawn_where_it_is(game):
    """The sprite is drawn at its position, and nowhere else"""
    game.start()
    game.step()
    x0, y0 = position(game)
    hold(game, ["UP", "LEFT"], 0.4)
    x, y = position(game)
    assert math.hypot(x - x0, y - y0) > 40, "holding UP and LEFT did not move the sprite"
    cx, cy = round(x) + SIZE // 2, round(y) + SIZE // 2
    for px, py in ((cx, cy), (round(x) + 2, cy), (round(x) + SIZE - 3, cy)):
        assert game.pixel(px, py) != BACKGROUND, (
            "the sprite must be drawn at its position (state()['x'], state()['y']) as a 32x32 image"
        )
    assert game.pixel(round(x0) + SIZE // 2, round(y0) + SIZE // 2) == BACKGROUND, (
        "the sprite still shows where it started: fill the background every frame before drawing it"
    )
