import math

import pytest

BACKGROUND = (15, 25, 45)
R = 10  # fruit radius
BASKET_W, BASKET_H = 60, 12
FALL = 120


def read(game):
    state = game.state()
    keys = {"basket_x", "fruits", "score", "lives", "best", "over"}
    assert isinstance(state, dict) and keys <= set(state), f"state() must be a dict with the keys {sorted(keys)}"
    return state


def overlaps(fruit, basket_x, height):
    x, y = fruit
    top = height - 24
    nx, ny = max(basket_x, min(x, basket_x + BASKET_W)), max(top, min(y, top + BASKET_H))
    return math.hypot(x - nx, y - ny) < R


def near(fruit, basket_x, height):
    """Does the fruit's bounding box touch the basket? (Lenient: any sensible catch test agrees here.)"""
    x, y = fruit
    top = height - 24
    return basket_x - R <= x <= basket_x + BASKET_W + R and top - R <= y <= top + BASKET_H + R


class Bot:
    """Plays the game through key presses, one frame at a time, and keeps the books on every fruit."""

    def __init__(self, game, info):
        self.game, self.info = game, info
        self.w, self.h, self.dt = info["width"], info["height"], 1 / info["fps"]
        self.held = None
        self.state = read(game)
        self.caught = self.missed = 0
        self.touching = set()

    def steer(self, key):
        if key != self.held:
            if self.held:
                self.game.release(self.held)
            if key:
                self.game.press(key)
            self.held = key

    def choose(self, mode):
        s = self.state
        falling = [f for f in s["fruits"] if f[1] < self.h - 24]
        if not falling or s["over"]:
            return None
        x = max(falling, key=lambda f: f[1])[0]
        centre = s["basket_x"] + BASKET_W / 2
        if mode == "catch":
            target = x
        else:  # run to the far side
            target = BASKET_W / 2 if x > self.w / 2 else self.w - BASKET_W / 2
        if abs(target - centre) <= 8:
            return None
        return "RIGHT" if target > centre else "LEFT"

    def step(self, mode):
        self.steer(self.choose(mode))
        before = self.state
        self.game.step()
        after = self.state = read(self.game)
        now = {round(f[0], 3) for f in after["fruits"]}
        for fruit in before["fruits"]:
            if round(fruit[0], 3) not in now:
                landed = (fruit[0], fruit[1] + FALL * self.dt)
                if any(near(f, b, self.h) for f in (fruit, landed) for b in (before["basket_x"], after["basket_x"])):
                    self.caught += 1
                else:
                    assert landed[1] - R >= self.h - FALL * self.dt * 2, (
                        "a fruit disappeared in mid-air: remove fruits only when they are caught or fall out"
                    )
                    self.missed += 1
        touching = {round(f[0], 3) for f in after["fruits"] if overlaps(f, after["basket_x"], self.h)}
        assert not (touching & self.touching), (
            "a fruit went on falling through the basket: a fruit that touches the basket is caught and removed"
        )
        self.touching = touching
        return after

    def play(self, mode, seconds, until=None):
        for _ in range(round(seconds * self.info["fps"])):
            state = self.step(mode)
            if until and until(state):
                break
        self.steer(None)
        return self.state


@pytest.mark.points(2)
def test_catching_scores(game):
    """A fruit that touches the basket is caught: one point each"""
    bot = Bot(game, game.start())
    state = bot.play("catch", 5)
    assert bot.caught >= 3, "fruits that land on the basket must be caught: removed from the list, one point each"
    assert state["score"] == bot.caught, (
        "the score doesn't match the number of fruits caught: one point per caught fruit"
    )
    assert state["lives"] == 3, "catching fruits must not cost lives"


@pytest.mark.points(2)
def test_missing_costs_a_life(game):
    """A fruit that falls out of the bottom costs exactly one life"""
    bot = Bot(game, game.start())
    for _ in range(round(4 * game.fps)):
        state = bot.step("avoid")
        assert state["lives"] == 3 - bot.missed, (
            "lives doesn't match the fruits that fell out of the window: take one life when a "
            "fruit falls out of the bottom, and remove that fruit so it costs only one"
        )
        if bot.missed == 2:
            break
    assert bot.missed == 2, (
        "fruits the basket doesn't catch must be removed when they fall out of the bottom of the window"
    )
    assert state["score"] == 0, "missed fruits don't score"


@pytest.mark.points(2)
def test_game_over_freezes(game):
    """With no lives left the game is over and everything stops"""
    bot = Bot(game, game.start())
    state = bot.play("avoid", 8, until=lambda s: s["over"] or s["lives"] <= 0)
    assert state["lives"] == 0 and bot.missed == 3, "after three missed fruits no lives are left (lives == 0)"
    assert state["over"] is True, "when the last life is lost the game is over: state()['over'] is True"
    game.press("RIGHT")
    game.seconds(1)
    game.release("RIGHT")
    game.step()
    later = read(game)
    assert later["lives"] == 0, "lives must not go below 0"
    assert later["fruits"] == state["fruits"], "when the game is over, fruits no longer fall or appear"
    assert later["basket_x"] == state["basket_x"], "when the game is over, the basket no longer moves"
    assert later["over"] is True, "the game stays over until RETURN is pressed"


def press(game, key):
    game.press(key)
    game.step()
    game.release(key)
    game.step()


@pytest.mark.points(2)
def test_restart(game):
    """RETURN after game over starts a fresh game"""
    info = game.start()
    bot = Bot(game, info)
    state = bot.play("avoid", 8, until=lambda s: s["over"])
    assert state["over"] is True, "after three missed fruits the game must be over"
    press(game, "RETURN")
    state = read(game)
    assert state["over"] is False, "pressing RETURN when the game is over starts a new game (over is False)"
    assert state["lives"] == 3 and state["score"] == 0, "a new game has 3 lives and a score of 0"
    assert all(f[1] <= 2 * FALL / info["fps"] for f in state["fruits"]), (
        "a new game starts without the old fruits: clear the list"
    )
    assert abs(state["basket_x"] - (info["width"] - BASKET_W) / 2) <= 1, "a new game puts the basket back in the middle"
    game.seconds(1)
    assert read(game)["fruits"], "after a restart fruits fall again"


def test_return_while_playing(game):
    """RETURN during a game changes nothing"""
    bot = Bot(game, game.start())
    state = bot.play("avoid", 3, until=lambda s: s["lives"] < 3)
    assert state["lives"] == 2, "a fruit that falls out of the bottom costs a life"
    press(game, "RETURN")
    state = read(game)
    assert state["lives"] < 3, "RETURN only restarts when the game is over; during a game it does nothing"


@pytest.mark.points(2)
def test_best_score(game):
    """The best score survives a restart"""
    info = game.start()
    bot = Bot(game, info)
    state = bot.play("catch", 5, until=lambda s: s["score"] >= 2)
    best = state["score"]
    assert best >= 2, "fruits that land on the basket must be caught"
    assert state["best"] == best, "the best score follows the score while it is the highest so far"
    state = bot.play("avoid", 8, until=lambda s: s["over"])
    assert state["over"] is True, "after three missed fruits the game must be over"
    assert state["best"] == best, "losing lives doesn't change the best score"
    press(game, "RETURN")
    state = read(game)
    assert state["score"] == 0 and state["best"] == best, (
        "a new game starts with a score of 0 but keeps the best score: don't reset it with the rest"
    )
    bot = Bot(game, info)
    state = bot.play("catch", 1.9, until=lambda s: s["score"] >= 1)
    assert state["score"] >= 1 and state["best"] == best, (
        "a lower score in the new game must not replace the best score"
    )


def test_fall_speed(game):
    """Fruits fall at 120 pixels per second"""
    info = game.start()
    game.step()
    fruits = read(game)["fruits"]
    assert fruits, "a fruit appears as soon as the game starts"
    x, y = fruits[0]
    game.step(round(0.75 * info["fps"]))
    same = [f for f in read(game)["fruits"] if abs(f[0] - x) < 0.01]
    assert same and abs(same[0][1] - y - 90) <= 1, (
        "in 0.75 s a fruit must fall 90 px: move it FALL_SPEED * dt each frame, whatever the frame rate"
    )


@pytest.mark.points(2)
def test_spawn_every_second(game):
    """A new fruit appears every second, fully inside the window's width"""
    info = game.start()
    seen, new_at = set(), []
    for frame in range(1, round(4.5 * info["fps"]) + 1):
        game.step()
        for x, y in read(game)["fruits"]:
            key = round(x, 3)
            if key not in seen:
                seen.add(key)
                new_at.append(frame)
                assert R - 0.5 <= x <= info["width"] - R + 0.5, (
                    "a new fruit must appear fully inside the window's width: x between FRUIT_RADIUS and "
                    "width - FRUIT_RADIUS"
                )
    gaps = [b - a for a, b in zip(new_at, new_at[1:])]
    assert len(new_at) >= 4 and all(abs(g - info["fps"]) <= 1 for g in gaps), (
        "a new fruit must appear every SPAWN_EVERY (1) second: count the time with dt, not frames"
    )


def test_basket_moves(game):
    """The basket moves 300 px/s and stays inside the window"""
    info = game.start()
    x0 = read(game)["basket_x"]
    game.press("LEFT")
    game.seconds(0.2)
    x1 = read(game)["basket_x"]
    assert abs((x0 - x1) - 60) <= 1, "the basket moves BASKET_SPEED (300) pixels per second"
    game.seconds(1)
    game.release("LEFT")
    assert read(game)["basket_x"] == 0, "the basket stops at the left edge"
    game.press("RIGHT")
    game.seconds(1.5)
    game.release("RIGHT")
    game.step()
    state = read(game)
    assert state["basket_x"] == info["width"] - BASKET_W, "the basket stops at the right edge, all of it on screen"
    assert game.pixel(info["width"] - 30, info["height"] - 18) != BACKGROUND, "draw the basket where it is"
