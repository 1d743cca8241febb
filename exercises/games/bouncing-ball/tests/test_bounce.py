import pytest

BACKGROUND = (10, 10, 30)
RADIUS = 10


def read(game):
    state = game.state()
    assert isinstance(state, dict) and {"x", "y", "vx", "vy"} <= set(state), (
        "state() must be a dict with the keys x, y, vx and vy"
    )
    return state


def ideal(position, velocity, low, high, dt, frames):
    """Where a perfectly reflected ball is after `frames` frames."""
    for _ in range(frames):
        position += velocity * dt
        while position < low or position > high:
            if position > high:
                position, velocity = 2 * high - position, -abs(velocity)
            else:
                position, velocity = 2 * low - position, abs(velocity)
    return position, velocity


def click(game, x, y):
    game.post("MOUSEBUTTONDOWN", pos=(x, y), button=1)


def press(game, key, times=1):
    for _ in range(times):
        game.press(key)
        game.step()
        game.release(key)
        game.step()


def inside(game, info, state, when):
    w, h = info["width"], info["height"]
    x, y = state["x"], state["y"]
    assert RADIUS - 1 <= x <= w - RADIUS + 1 and RADIUS - 1 <= y <= h - RADIUS + 1, (
        f"{when} part of the ball (radius 10) was outside the window. "
        "After a bounce, put the ball back inside, however far it went past the wall"
    )


def test_starts_in_the_middle(game):
    """The ball starts in the middle, moving at (150, 100) px/s"""
    info = game.start()
    state = read(game)
    assert abs(state["x"] - info["width"] / 2) <= 1 and abs(state["y"] - info["height"] / 2) <= 1, (
        "the ball starts in the middle of the window"
    )
    assert (state["vx"], state["vy"]) == (150, 100), "the ball starts with the velocity START_VELOCITY (150, 100)"


@pytest.mark.points(2)
def test_straight_line_speed(game):
    """Between bounces the ball moves at its velocity in pixels per second"""
    game.start()
    game.seconds(0.8)
    state = read(game)
    assert abs(state["x"] - (160 + 120)) <= 1 and abs(state["y"] - (120 + 80)) <= 1, (
        "after 0.8 s the ball should be at (280, 200), and it isn't: move it by "
        "velocity * dt each frame, whatever the frame rate"
    )


WALLS = {
    # wall: (clicks before, to head for this wall; the click near the wall; the axis it bounces on)
    "right": ([], (290, 120), "x"),
    "left": ([(300, 120)], (30, 120), "x"),
    "bottom": ([], (160, 215), "y"),
    "top": ([(160, 220)], (160, 25), "y"),
}


@pytest.mark.points(4)
@pytest.mark.parametrize("wall", list(WALLS))
def test_bounces_off_each_wall(game, wall):
    """The ball bounces off each of the four walls at its edge, keeping its speed"""
    info = game.start()
    dt = 1 / info["fps"]
    before, (cx, cy), axis = WALLS[wall]
    for bx, by in before:  # first bounce off the opposite wall to head the right way
        click(game, bx, by)
        game.step(10)
    state = read(game)
    other = "y" if axis == "x" else "x"
    velocity, other_velocity = state[f"v{axis}"], state[f"v{other}"]
    towards = {"right": 1, "left": -1, "bottom": 1, "top": -1}[wall]
    opposite = {"right": "left", "left": "right", "bottom": "top", "top": "bottom"}[wall]
    assert velocity * towards > 0, (
        f"the ball should have bounced off the {opposite} wall and now be heading for the {wall} wall; "
        "fix that bounce first"
    )
    click(game, cx, cy)
    game.step(10)
    state = read(game)
    high = (info["width"] if axis == "x" else info["height"]) - RADIUS
    start = cx if axis == "x" else cy
    want, want_velocity = ideal(start, velocity, RADIUS, high, dt, 10)
    got = state[axis]
    inside(game, info, state, f"after bouncing off the {wall} wall")
    assert state[f"v{axis}"] == want_velocity, (
        f"after hitting the {wall} wall the ball must move away from it at the same speed: "
        f"v{axis} must become {want_velocity:g}"
    )
    assert abs(got - want) <= abs(velocity) * dt + 1, (
        f"after bouncing off the {wall} wall the ball is not where a perfect bounce puts it: "
        "the ball's edge (centre ± radius) touches the wall, then it comes back as far as it went past"
    )
    other_start = cy if axis == "x" else cx
    assert abs(state[other] - (other_start + other_velocity * dt * 10)) <= 1 and state[f"v{other}"] == other_velocity, (
        f"bouncing off the {wall} wall must not change the ball's {other} movement"
    )


@pytest.mark.points(2)
def test_speed_keys(game):
    """UP doubles the speed and DOWN halves it, once per press"""
    game.start()
    press(game, "UP")
    state = read(game)
    assert (state["vx"], state["vy"]) == (300, 200), "one press of UP must double the velocity: (300, 200)"
    press(game, "DOWN", 2)
    state = read(game)
    assert (abs(state["vx"]), abs(state["vy"])) == (75, 50), "two presses of DOWN must halve it twice: (75, 50)"
    game.press("UP")
    game.step(10)
    game.release("UP")
    game.step()
    state = read(game)
    assert (abs(state["vx"]), abs(state["vy"])) == (150, 100), (
        "holding UP for 10 frames is one press: double the speed on the KEYDOWN event, not every frame the key is held"
    )
    press(game, "DOWN", 3)
    state = read(game)
    assert (abs(state["vx"]), abs(state["vy"])) == (pytest.approx(18.75), pytest.approx(12.5)), (
        "three presses of DOWN from (150, 100) must give (18.75, 12.5): halve exactly with / 2, without rounding "
        "to whole pixels (// 2 or int() lose the fractions)"
    )


def watch(game, info, frames, when):
    xs, vxs = set(), set()
    for frame in range(frames):
        game.step()
        state = read(game)
        inside(game, info, state, f"{when}, frame {frame + 1}")
        xs.add(round(state["x"]))
        vxs.add(state["vx"] > 0)
    return xs, vxs


@pytest.mark.points(3)
def test_fast_ball_stays_inside(game):
    """A very fast ball never leaves the window and never gets stuck"""
    info = game.start()
    press(game, "UP", 5)
    state = read(game)
    assert (abs(state["vx"]), abs(state["vy"])) == (4800, 3200), "after 5 presses of UP the speed is 32 times (4800, 3200)"
    xs, vxs = watch(game, info, 60, "at 4800 px/s")
    assert len(xs) > 3 and vxs == {True, False}, (
        "the fast ball got stuck: after a bounce, make vx point away from the wall (vx = -abs(vx)) instead of "
        "flipping it every frame the ball is past the wall"
    )


def test_faster_than_the_window(game):
    """Even a ball that crosses the window in one frame stays inside"""
    info = game.start()
    press(game, "UP", 7)
    watch(game, info, 30, "at 19200 px/s (640 px per frame)")


def test_click_places_the_ball(game):
    """A click moves the ball there, inside the window"""
    info = game.start()
    click(game, 100, 60)
    game.step()
    state = read(game)
    assert abs(state["x"] - (100 + 150 / info["fps"])) <= 1 and abs(state["y"] - (60 + 100 / info["fps"])) <= 1, (
        "a mouse click (MOUSEBUTTONDOWN) moves the ball's centre to event.pos, keeping its velocity"
    )
    click(game, 2, 3)
    game.step()
    inside(game, info, read(game), "after a click right next to the corner")


def test_drawn(game):
    """The ball is drawn where it is, on a clean background"""
    info = game.start()
    game.step()
    assert game.pixel(info["width"] // 2, info["height"] // 2) != BACKGROUND, "draw the ball at (x, y)"
    game.seconds(0.5)
    state = read(game)
    assert game.pixel(round(state["x"]), round(state["y"])) != BACKGROUND, "draw the ball at (x, y)"
    assert game.pixel(info["width"] // 2 - 5, info["height"] // 2 - 5) == BACKGROUND, (
        "the ball is still drawn where it started: fill the background every frame"
    )
