import pytest

BACKGROUND = (30, 20, 40)
COINS = [(60, 80), (110, 80), (160, 80), (210, 80), (260, 80)]


def read(game):
    state = game.state()
    assert isinstance(state, dict) and {"coins", "sparkles", "score"} <= set(state), (
        "state() must be a dict with the keys coins, sparkles and score"
    )
    return state


def click(game, x, y):
    game.post("MOUSEBUTTONDOWN", pos=(x, y), button=1)


def run_to(game, frame, now):
    return game.step(frame - now)


@pytest.mark.points(3)
def test_coin_animation_speed(game):
    """Coins show COIN_FPS animation frames per second, looping over their 4 frames"""
    info = game.start()
    fps, now = info["fps"], 0
    for seconds in (0.06, 0.2, 0.3, 0.44, 0.56, 1.2):
        now = run_to(game, round(seconds * fps), now)
        want = int(now / fps * 8 + 1e-9) % 4
        frames = [coin["frame"] for coin in read(game)["coins"]]
        assert len(frames) == 5, "the five coins must all be in state()['coins']"
        assert frames == [want] * 5, (
            f"after {now / fps:g} s the coins must show frame {want}, and not all of them do: "
            "8 frames per second (COIN_FPS) computed from the time that passed (dt), starting again after frame 3"
        )
        assert all(isinstance(f, int) and not isinstance(f, bool) for f in frames), "frame must be a whole number"


@pytest.mark.points(2)
def test_coin_image_changes(game):
    """The coin's picture changes with its frame"""
    info = game.start()
    fps = info["fps"]
    x, y = COINS[2]
    now = game.step(round(0.06 * fps))  # frame 0: the full 16 px wide coin
    assert game.pixel(x, y) != BACKGROUND and game.pixel(x + 6, y) != BACKGROUND, (
        "draw the coins (Group.draw blits each sprite's image at its rect)"
    )
    run_to(game, round(0.3 * fps), now)  # frame 2: the coin edge-on, 4 px wide
    assert game.pixel(x, y) != BACKGROUND, "draw the coins at their positions"
    assert game.pixel(x + 6, y) == BACKGROUND, (
        "at frame 2 the coin is seen edge-on (4 px wide), but the full coin is still drawn: "
        "set self.image = self.frames[self.frame] when the frame changes"
    )


@pytest.mark.points(3)
def test_sparkle_plays_once(game):
    """A click's sparkle plays its 6 frames at SPARKLE_FPS, then disappears"""
    info = game.start()
    fps = info["fps"]
    click(game, 160, 180)
    now = 0
    for k in (3, 10, 16, 20, 24):
        now = run_to(game, k, now)
        sparkles = read(game)["sparkles"]
        assert sparkles or k > 3, "a click must start a sparkle at the mouse position (a Sparkle in self.sparkles)"
        assert len(sparkles) == 1, f"{k / fps:.2f} s after the click its sparkle must still be playing"
        allowed = {int(k / fps * 12 + 1e-9), int((k - 1) / fps * 12 + 1e-9)}
        got = sparkles[0]["frame"]
        assert got in allowed, (
            f"{k / fps:.2f} s after the click the sparkle must show frame {max(allowed)}, and it doesn't: "
            "12 frames per second (SPARKLE_FPS), from the time that passed"
        )
        assert (sparkles[0]["x"], sparkles[0]["y"]) == (160, 180), "the sparkle is centred on the click"
    run_to(game, 28, now)
    assert read(game)["sparkles"] == [], (
        "0.56 s after the click the sparkle has shown its 6 frames and must be gone: call self.kill() after the last frame"
    )
    assert game.pixel(160 + 23, 180) == BACKGROUND and game.pixel(160, 180 - 23) == BACKGROUND, (
        "a finished sparkle must no longer be drawn"
    )


def test_sparkles_do_not_pile_up(game):
    """Finished sparkles leave their group"""
    game.start()
    for i in range(8):
        click(game, 20 + 35 * i, 200)
        game.step()
    assert len(read(game)["sparkles"]) == 8, "each click starts its own sparkle"
    game.seconds(1)
    assert read(game)["sparkles"] == [], "a second later all eight sparkles must have finished and left the group"


@pytest.mark.points(2)
def test_clicks(game):
    """A click on a coin collects it; a click elsewhere only sparkles"""
    game.start()
    game.step()
    click(game, 112, 78)
    game.step()
    state = read(game)
    left = sorted((c["x"], c["y"]) for c in state["coins"])
    assert state["score"] == 1 and left == [p for p in COINS if p != (110, 80)], (
        "a click on the coin at (110, 80) must collect that coin (and only that one): remove it from its group, "
        "one point"
    )
    click(game, 135, 150)
    game.step()
    state = read(game)
    assert state["score"] == 1 and len(state["coins"]) == 4, "a click away from the coins collects nothing"
    assert len(state["sparkles"]) == 2, "every click starts a sparkle, on a coin or not"
    game.seconds(0.7)
    assert game.pixel(110, 80) == BACKGROUND, "a collected coin is no longer drawn"


@pytest.mark.points(2)
def test_sprite_classes(game, submission):
    """Coin and Sparkle are pygame sprites that animate themselves"""
    game.start()
    group = submission.pygame.sprite.Group()
    coin = submission.Coin((100, 60))
    group.add(coin)
    assert coin.alive() is True, (
        "Coin must be a pygame sprite: class Coin(pygame.sprite.Sprite) calling super().__init__()"
    )
    assert tuple(coin.rect.center.get()) == (100, 60), "Coin(centre) must centre its rect on centre"
    assert coin.frame.get() == 0, "a new coin shows frame 0"
    for _ in range(15):
        coin.update(0.02)
    assert coin.frame.get() == 2, "after update(0.02) fifteen times (0.3 s) a coin shows frame 2"
    sparkle = submission.Sparkle((50, 50))
    group.add(sparkle)
    for _ in range(24):
        sparkle.update(0.02)
    assert sparkle.alive() is True and sparkle.frame.get() == 5, "after 0.48 s a sparkle shows its last frame, 5"
    for _ in range(3):  # a finished sprite is never updated again, so stop as soon as it is gone
        sparkle.update(0.02)
        if sparkle.alive() is False:
            break
    assert sparkle.alive() is False, "after 0.54 s a sparkle has finished and must have left its groups (kill())"
