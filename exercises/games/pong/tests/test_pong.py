import pytest

BACKGROUND = (0, 0, 0)
PADDLE_W, PADDLE_H = 10, 50
PLAYER_X = 20
R = 6
CPU_SPEED = 150
MAX_VY = 300


def read(game):
    state = game.state()
    assert isinstance(state, dict) and {"ball", "player_y", "cpu_y", "score"} <= set(state), (
        "state() must be a dict with the keys ball, player_y, cpu_y and score"
    )
    assert isinstance(state["ball"], dict) and {"x", "y", "vx", "vy"} <= set(state["ball"]), (
        "state()['ball'] must be a dict with the keys x, y, vx and vy"
    )
    return state


def mirror(y, low, high):
    span = high - low
    y = (y - low) % (2 * span)
    return low + (y if y <= span else 2 * span - y)


class Player:
    """Moves the left paddle with UP and DOWN, one frame at a time, looking at state()."""

    def __init__(self, game, info):
        self.game, self.w, self.h, self.dt = game, info["width"], info["height"], 1 / info["fps"]
        self.held = None
        self.state = read(game)
        self.offset = 0

    def arrival(self):
        """Where the ball will cross the front of the player's paddle, or None if it is going away."""
        ball = self.state["ball"]
        if ball["vx"] >= 0:
            return None
        t = (ball["x"] - (PLAYER_X + PADDLE_W + R)) / -ball["vx"]
        return mirror(ball["y"] + ball["vy"] * max(t, 0), R, self.h - R)

    def steer(self, key):
        if key != self.held:
            if self.held:
                self.game.release(self.held)
            if key:
                self.game.press(key)
            self.held = key

    def step(self, mode):
        arrival = self.arrival()
        if mode == "still":
            target = None
        elif arrival is None:
            target = self.h / 2
        elif mode == "avoid":
            target = PADDLE_H / 2 if arrival > self.h / 2 else self.h - PADDLE_H / 2
        else:
            target = arrival - self.offset
        key = None
        if target is not None and abs(target - self.state["player_y"]) > 3.5:
            key = "DOWN" if target > self.state["player_y"] else "UP"
        self.steer(key)
        before = self.state
        self.game.step()
        self.state = read(self.game)
        return before, self.state

    def stop(self):
        self.steer(None)


def check_cpu(before, after, dt, height):
    """The computer's paddle moves towards the ball, at most CPU_SPEED * dt, without overshooting it."""
    cap = CPU_SPEED * dt
    moved = after["cpu_y"] - before["cpu_y"]
    assert abs(moved) <= cap + 0.01, (
        f"the computer's paddle moved too far in one frame: at most CPU_SPEED * dt = {cap:g} px"
    )
    refs = [before["ball"]["y"], after["ball"]["y"]]
    gaps = [ref - before["cpu_y"] for ref in refs]
    at_edge = not (PADDLE_H / 2 + 0.01 < after["cpu_y"] < height - PADDLE_H / 2 - 0.01)
    if all(g > cap + 0.01 for g in gaps) or all(g < -cap - 0.01 for g in gaps):
        want = cap if gaps[0] > 0 else -cap
        assert abs(moved - want) <= 0.01 or at_edge, (
            "while the ball is far above or below it, the computer's paddle must move towards it at full "
            f"CPU_SPEED: {cap:g} px per frame here, and it moved less"
        )
    assert any(abs(after["cpu_y"] - ref) <= abs(before["cpu_y"] - ref) + 0.01 for ref in refs), (
        "the computer's paddle moved away from the ball or past it: move it towards the ball's y, "
        "and not further than the ball"
    )
    assert PADDLE_H / 2 - 0.01 <= after["cpu_y"] <= height - PADDLE_H / 2 + 0.01, (
        "the computer's paddle must stay inside the window"
    )


@pytest.mark.points(3)
def test_cpu_follows_at_capped_speed(game):
    """The computer's paddle follows the ball, never faster than CPU_SPEED"""
    info = game.start()
    player = Player(game, info)
    for _ in range(30):  # the ball (180 px/s vertically) gets away from the paddle (150 px/s)
        before, after = player.step("still")
        check_cpu(before, after, player.dt, player.h)
    for _ in range(round(5 * info["fps"])):
        before, after = player.step("track")
        check_cpu(before, after, player.dt, player.h)


def test_player_paddle_inside(game):
    """Your paddle stays inside the window"""
    info = game.start()
    for key, want in (("UP", PADDLE_H / 2), ("DOWN", info["height"] - PADDLE_H / 2), ("w", PADDLE_H / 2)):
        game.press(key)
        game.seconds(1.2)
        game.release(key)
        game.step()
        got = read(game)["player_y"]
        assert abs(got - want) <= 1, (
            f"holding {key} must take the paddle's centre to y = {want:g}: the whole paddle stays inside the window"
            + (" (W and S move it too)" if key == "w" else "")
        )


def test_ball_stays_inside(game):
    """The ball bounces off the top and bottom walls"""
    info = game.start()
    player = Player(game, info)
    for _ in range(round(5 * info["fps"])):
        _, state = player.step("track")
        y = state["ball"]["y"]
        assert R - 1 <= y <= info["height"] - R + 1, (
            "the ball left the window through the top or bottom: bounce it off those walls and keep it inside"
        )


@pytest.mark.points(2)
def test_paddle_returns_the_ball(game):
    """Your paddle sends the ball back towards the computer"""
    info = game.start()
    player = Player(game, info)
    for _ in range(round(2 * info["fps"])):
        before, after = player.step("track")
        if after["ball"]["vx"] > 0:
            break
        assert after["score"] == [0, 0], (
            "the ball went past the player's paddle although the paddle was in its way: bounce the ball off "
            "the paddle when they overlap"
        )
    assert after["ball"]["vx"] > 0, (
        "the ball went through the player's paddle: when the ball overlaps it, send the ball back to the right"
    )
    assert after["ball"]["vx"] == 240, "after hitting the player's paddle the ball moves right at the same speed"
    assert after["ball"]["x"] >= PLAYER_X + PADDLE_W - 1, "the ball bounces off the front of the paddle"
    for _ in range(10):
        _, after = player.step("track")
        assert after["ball"]["vx"] > 0, (
            "the ball turned back into the player's paddle: bounce only when the ball is moving towards it"
        )


@pytest.mark.points(2)
@pytest.mark.parametrize("offset", [10, -20])  # neither sends the ball off at the serve speed
def test_paddle_aims(game, offset):
    """Where the ball hits your paddle decides its angle"""
    info = game.start()
    player = Player(game, info)
    player.offset = offset
    for _ in range(round(2 * info["fps"])):
        before, after = player.step("track")
        if after["ball"]["vx"] > 0:
            break
    assert after["ball"]["vx"] > 0, "the player's paddle must send the ball back"
    # the hit happened during the last frame: the ball and the paddle were somewhere between before and after
    hits = [ball["ball"]["y"] - paddle["player_y"] for ball in (before, after) for paddle in (before, after)]
    wants = [max(-1, min(1, h / (PADDLE_H / 2))) * MAX_VY for h in hits]
    hit = hits[0]
    assert any(abs(after["ball"]["vy"] - w) <= 0.1 * MAX_VY for w in wants), (
        f"the ball hit the paddle {'below' if hit > 0 else 'above'} its centre and left with the wrong vy: "
        "vy = offset / (PADDLE_H / 2) * MAX_VY, where offset is the ball's y minus the paddle's centre"
    )


def point_scored(game, info, mode, seconds, offsets=(0,)):
    player = Player(game, info)
    turn = 0
    for _ in range(round(seconds * info["fps"])):
        player.offset = offsets[turn % len(offsets)]
        before, after = player.step(mode)
        if before["ball"]["vx"] < 0 < after["ball"]["vx"]:
            turn += 1
        if after["score"] != before["score"]:
            player.stop()
            return before, after
    player.stop()
    return None, player.state


def check_serve(after, info, towards, who):
    ball = after["ball"]
    dt = 1 / info["fps"]
    assert abs(ball["x"] - info["width"] / 2) <= abs(ball["vx"]) * dt + 1 and \
        abs(ball["y"] - info["height"] / 2) <= abs(ball["vy"]) * dt + 1, (
            f"after {who} point the ball must be served again from the centre of the window"
        )
    assert ball["vx"] * towards > 0, (
        f"after {who} point the ball is served towards the side that lost the point"
    )


@pytest.mark.points(2)
def test_computer_scores(game):
    """A ball past your paddle is the computer's point, and the ball is served again"""
    info = game.start()
    before, after = point_scored(game, info, "avoid", 4)
    assert after is not None and after["score"] != [0, 0], (
        "the ball went out on the left but nobody scored: once the whole ball has left the window, "
        "it is the computer's point"
    )
    assert after["score"] == [0, 1], "a ball out on the left is the computer's point: score [0, 1]"
    check_serve(after, info, -1, "the computer's")
    game.step(10)
    assert read(game)["score"] == [0, 1], "a point is scored once: serve the ball again so it is counted only once"


@pytest.mark.points(2)
def test_player_scores(game):
    """A ball past the computer's paddle is your point"""
    info = game.start()
    before, after = point_scored(game, info, "track", 20, offsets=(15, -15))
    assert after is not None and after["score"] != [0, 0], (
        "the computer's paddle never missed in 20 s of steep shots: it must be slower than the ball (CPU_SPEED), "
        "and a ball out on the right must score for the player"
    )
    assert after["score"] == [1, 0], "a ball out on the right is the player's point: score [1, 0]"
    check_serve(after, info, 1, "the player's")
    game.step(10)
    assert read(game)["score"] == [1, 0], "a point is scored once: serve the ball again so it is counted only once"


def test_drawn(game):
    """Both paddles and the ball are drawn where they are"""
    info = game.start()
    game.seconds(0.3)
    state = read(game)
    w = info["width"]
    spots = {
        "the player's paddle": (PLAYER_X + PADDLE_W // 2, round(state["player_y"])),
        "the computer's paddle": (w - PLAYER_X - PADDLE_W // 2 - 1, round(state["cpu_y"])),
        "the ball": (round(state["ball"]["x"]), round(state["ball"]["y"])),
    }
    for what, (x, y) in spots.items():
        assert game.pixel(x, y) != BACKGROUND, f"draw {what} at its position"
