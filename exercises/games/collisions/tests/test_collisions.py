import math

import pytest

BACKGROUND = (25, 30, 40)
START = (40, 120)


def check(got, expected, message):
    assert got in (True, False), "the collision functions must return True or False"
    assert bool(got) == expected, message


# --- the functions -----------------------------------------------------------------------------


@pytest.mark.points(2)
def test_rects(submission):
    """rects_overlap() finds overlapping rectangles"""
    f = submission.rects_overlap
    check(f((10, 10, 30, 20), (30, 20, 30, 20)), True, "rectangles that share a corner area must overlap")
    check(f((30, 20, 30, 20), (10, 10, 30, 20)), True, "rects_overlap(a, b) must give the same answer as (b, a)")
    check(f((10, 10, 30, 20), (50, 10, 30, 20)), False, "rectangles side by side with a gap must not overlap")
    check(f((10, 10, 30, 20), (10, 40, 30, 20)), False, "rectangles one above the other with a gap must not overlap")
    check(f((10, 10, 30, 20), (39, 29, 5, 5)), True, "rectangles sharing a single 1x1 pixel area must overlap")
    check(f((0, 0, 10.5, 10), (10.25, 5, 4, 4)), True, "coordinates may be floats")


@pytest.mark.points(2)
def test_rects_touching(submission):
    """Rectangles that only touch along an edge don't overlap"""
    f = submission.rects_overlap
    a = (10, 10, 30, 20)  # spans x 10..40, y 10..30
    for b, side in (((40, 10, 10, 20), "right"), ((0, 10, 10, 20), "left"),
                    ((10, 30, 30, 5), "bottom"), ((10, 0, 30, 10), "top")):
        check(f(a, b), False, f"a rectangle touching the {side} edge of another must not overlap it: "
              "a rectangle (x, y, w, h) ends at x + w, and there the next one may begin")


@pytest.mark.points(2)
def test_rects_inside_and_crossing(submission):
    """A rectangle inside another, or crossing it, overlaps it"""
    f = submission.rects_overlap
    check(f((0, 0, 100, 100), (40, 40, 10, 10)), True, "a small rectangle inside a big one must overlap it")
    check(f((40, 40, 10, 10), (0, 0, 100, 100)), True, "a big rectangle around a small one must overlap it")
    check(f((0, 40, 100, 10), (40, 0, 10, 100)), True,
          "a wide and a tall rectangle crossing like a plus sign overlap, though neither has a corner inside "
          "the other: compare the edges on both axes instead of testing corners")


@pytest.mark.points(2)
def test_circles(submission):
    """circles_overlap() compares the distance with the sum of the radii"""
    f = submission.circles_overlap
    check(f((100, 100), 10, (100, 100), 10), True, "two circles with the same centre overlap")
    check(f((0, 0), 3, (21, 0), 20), True, "circles of radius 3 and 20 whose centres are 21 px apart overlap")
    check(f((0, 0), 20, (21, 0), 3), True, "circles of radius 20 and 3 whose centres are 21 px apart overlap")
    check(f((0, 0), 3, (24, 0), 20), False, "circles of radius 3 and 20 whose centres are 24 px apart don't overlap")
    check(f((10, 10), 5, (15, 17), 5), True, "the distance is measured diagonally too: sqrt(dx**2 + dy**2)")
    check(f((10, 10), 5, (18, 17), 5), False,
          "circles of radius 5 whose centres are (8, 7) apart (10.6 px) don't overlap: measure the straight-line "
          "distance, not dx and dy separately")


def test_circles_touching(submission):
    """Circles that just touch don't overlap"""
    f = submission.circles_overlap
    check(f((0, 0), 5, (10, 0), 5), False, "circles whose distance equals the sum of the radii only touch")
    check(f((0, 0), 10, (6, 8), 0), False, "a point exactly on a circle's edge only touches it")
    check(f((0, 0), 10, (6, 8), 0.5), True, "a small circle just over the edge overlaps")


@pytest.mark.points(2)
def test_circle_rect_sides(submission):
    """circle_rect_overlap() near each side of the rectangle"""
    f = submission.circle_rect_overlap
    rect = (100, 100, 50, 30)  # spans x 100..150, y 100..130
    for centre, side in (((92, 115), "left"), ((158, 115), "right"), ((125, 92), "top"), ((125, 138), "bottom")):
        check(f(centre, 10, rect), True,
              f"a circle of radius 10 whose centre is 8 px beyond the {side} side overlaps the rectangle: "
              "the circle reaches its radius further than its centre")
    for centre, side in (((89, 115), "left"), ((161, 115), "right"), ((125, 89), "top"), ((125, 141), "bottom")):
        check(f(centre, 10, rect), False, f"a circle 11 px beyond the {side} side does not reach the rectangle")
    check(f((90, 115), 10, rect), False, "a circle that only touches the rectangle's side doesn't overlap it")


def test_circle_rect_inside(submission):
    """A circle inside a rectangle, or a rectangle inside a circle, overlap"""
    f = submission.circle_rect_overlap
    check(f((125, 115), 3, (100, 100, 50, 30)), True, "a small circle inside a rectangle overlaps it")
    check(f((125, 115), 100, (100, 100, 50, 30)), True, "a big circle around a rectangle overlaps it")


@pytest.mark.points(2)
def test_circle_rect_corner(submission):
    """Near a corner, the circle's roundness counts"""
    f = submission.circle_rect_overlap
    rect = (100, 100, 50, 30)
    check(f((97, 97), 5, rect), True, "a circle of radius 5 centred 3 px left and 3 px above the top-left corner "
          "(4.2 px away) overlaps the rectangle")
    check(f((96, 96), 5, rect), False,
          "a circle of radius 5 centred 4 px left and 4 px above the top-left corner is 5.7 px from it and does not "
          "overlap: measure the distance to the rectangle's nearest point, not to its bounding box")
    check(f((154, 134), 5, rect), False, "the same holds at the bottom-right corner (150, 130)")
    check(f((153, 133), 5, rect), True, "a circle 3 px right and 3 px below the bottom-right corner overlaps")


# --- in the game -------------------------------------------------------------------------------


def read(game):
    state = game.state()
    assert isinstance(state, dict) and {"player", "coins", "score", "deaths"} <= set(state), (
        "state() must be a dict with the keys player, coins, score and deaths"
    )
    return state


def coins(state):
    return [tuple(c) for c in state["coins"]]


@pytest.mark.points(2)
def test_coin_touch_distance(game):
    """A coin is collected as soon as the player's circle touches it"""
    game.start()
    assert (140, 120) in coins(read(game)), "a new game has the coin at (140, 120)"
    game.press("RIGHT")
    game.step(30)  # the player's centre is at x = 115: 25 px from the coin, not touching
    state = read(game)
    assert (140, 120) in coins(state) and state["score"] == 0, (
        "the coin at (140, 120) was collected while the player was 25 px away: circles of radius 12 and 8 touch "
        "only when their centres are less than 20 px apart"
    )
    game.step(4)  # now at x = 125: 15 px away, overlapping
    state = read(game)
    assert (140, 120) not in coins(state) or state["score"] > 0, (
        "the player's centre is 15 px from the coin at (140, 120), so the circles (radius 12 and 8) overlap and the "
        "coin must be collected: compare the distance with the sum of both radii"
    )
    assert (140, 120) not in coins(state), "a collected coin must be removed from state()['coins']"
    assert state["score"] == 1, "collecting one coin must give exactly 1 point"


def test_coins_collected_once(game):
    """Each coin counts once and then disappears"""
    game.start()
    game.step()
    assert game.pixel(140, 120) != BACKGROUND, "draw the coins"
    game.press("RIGHT")
    game.seconds(1.6)
    game.release("RIGHT")
    game.seconds(0.5)
    state = read(game)
    assert state["score"] == 2, (
        "walking right past the coins at (140, 120) and (240, 120) must give exactly 2 points: "
        "remove a coin when it is collected so it counts only once"
    )
    assert sorted(coins(state)) == [(160, 40), (280, 200)], "the two collected coins must leave state()['coins']"
    assert game.pixel(140, 120) == BACKGROUND and game.pixel(240, 120) == BACKGROUND, (
        "collected coins must no longer be drawn"
    )


@pytest.mark.points(2)
def test_lava_touch_distance(game):
    """Touching lava with the edge of the player sends it back to the start"""
    game.start()
    game.press("DOWN")
    game.step(10)  # centre at y = 145, bottom edge at 157: above the lava that starts at y = 160
    state = read(game)
    assert state["deaths"] == 0, "the player died before touching the lava (its bottom edge is 3 px above it)"
    game.step(3)  # centre at y = 152.5: the circle reaches 164.5, into the lava
    game.release("DOWN")
    state = read(game)
    assert state["deaths"] == 1, (
        "the player's circle reaches 4.5 px into the lava at (20, 160, 60, 30), so it must die, even though its "
        "centre is still outside: test the circle against the rectangle, not only its centre"
    )
    x, y = state["player"]
    assert math.hypot(x - START[0], y - START[1]) <= 3, "after touching lava the player goes back to (40, 120)"


def test_one_death_per_touch(game):
    """A death sends the player to safety: it is counted once"""
    game.start()
    game.press("DOWN")
    game.seconds(0.25)
    game.release("DOWN")
    game.seconds(0.5)
    state = read(game)
    assert state["deaths"] > 0, "walking down into the lava for 0.25 s must kill the player"
    assert state["deaths"] == 1, (
        "walking into the lava once counted more than one death: move the player back to the start when it dies"
    )


def test_coins_stay_collected_after_death(game):
    """Coins collected before a death stay collected"""
    info = game.start()
    fps = info["fps"]
    game.press("RIGHT")
    game.step(round(90 / 150 * fps))  # centre at (130, 120): the coin at (140, 120) is collected
    game.release("RIGHT")
    state = read(game)
    assert (140, 120) not in coins(state) and state["score"] == 1, (
        "walking right to x = 130 must collect the coin at (140, 120)"
    )
    game.press("LEFT")
    game.step(round(60 / 150 * fps))  # centre at (70, 120), above the lava at (20, 160, 60, 30)
    game.release("LEFT")
    game.press("DOWN")
    game.step(round(32.5 / 150 * fps))  # centre at (70, 152.5): the circle reaches into the lava
    game.release("DOWN")
    state = read(game)
    assert state["deaths"] == 1, "walking down into the lava must kill the player once"
    assert (140, 120) not in coins(state), (
        "a coin collected before the player died came back: a death only moves the player back to the start, "
        "collected coins stay collected"
    )
    assert state["score"] == 1, "a death must not change the score"


def test_stays_on_screen(game):
    """The whole player circle stays inside the window"""
    info = game.start()
    for key, index, limit in (("UP", 1, 12), ("LEFT", 0, 12)):
        game.press(key)
        game.seconds(1.5)
        game.release(key)
        value = read(game)["player"][index]
        assert abs(value - limit) <= 1, (
            f"after holding {key} the player's centre must stop 12 px (its radius) from the edge, so that the whole "
            "circle stays on the screen"
        )
    game.press("RIGHT")
    game.press("DOWN")
    game.seconds(4)
    x, y = read(game)["player"]
    assert x <= info["width"] - 12 + 1 and y <= info["height"] - 12 + 1, "the player went off the bottom-right corner"


def test_lava_corner_is_round(game):
    """Walking past a lava corner without touching it is safe"""
    info = game.start()
    fps = info["fps"]
    game.press("RIGHT")
    game.step(round(50 / 150 * fps))  # centre at (90, 120)
    game.release("RIGHT")
    game.press("DOWN")
    game.step(round(30 / 150 * fps))  # centre at (90, 150): 14.1 px from the lava's corner (80, 160)
    game.release("DOWN")
    game.step()
    state = read(game)
    x, y = state["player"]
    assert state["deaths"] == 0 and abs(x - 90) <= 1 and abs(y - 150) <= 1, (
        "the player died beside the corner of the lava at (20, 160, 60, 30): its centre is 14.1 px from the "
        "corner (80, 160), more than its radius (12), so the circle doesn't touch the lava, though the square "
        "around it would. Measure the distance to the lava's nearest point"
    )
