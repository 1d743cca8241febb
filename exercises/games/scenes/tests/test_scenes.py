import pytest

BACKGROUNDS = {"menu": (20, 20, 60), "play": (0, 0, 0), "paused": (40, 40, 40), "over": (60, 0, 0)}
ROUND_TIME = 10.0


def read(game):
    state = game.state()
    keys = {"scene", "score", "best", "time_left", "running"}
    assert isinstance(state, dict) and keys <= set(state), f"state() must be a dict with the keys {sorted(keys)}"
    return state


def tap(game, key, times=1):
    for _ in range(times):
        game.press(key)
        game.step()
        game.release(key)
        game.step()


def scene(game):
    return read(game)["scene"]


def expect(game, want, message):
    got = scene(game)
    assert got == want, f"{message}: the scene must be {want!r}, and it isn't"


def play_until_over(game, limit=12):
    expect(game, "play", "RETURN in the menu starts a round")
    for _ in range(round(limit * game.fps)):
        game.step()
        if scene(game) != "play":
            break
    expect(game, "over", f"a round lasts {ROUND_TIME:g} seconds, then the game is over")


def new_round(game):
    """RETURN in the menu: a round starts with the full time and no points."""
    expect(game, "menu", "before starting a round")
    tap(game, "RETURN")
    state = read(game)
    assert not (state["scene"] == "over" and state["time_left"] <= 0), (
        "RETURN in the menu started a round that was over at once: time_left was still 0 from the last round. "
        "Starting a round sets time_left back to ROUND_TIME and the score to 0"
    )
    expect(game, "play", "RETURN in the menu starts a round")


def background(game, info):
    game.step()
    return game.pixel(2, info["height"] - 3)


@pytest.mark.points(2)
def test_backgrounds(game):
    """Each scene is drawn with its own background"""
    info = game.start()
    expect(game, "menu", "a new game starts in the menu")
    for key, want in ((None, "menu"), ("RETURN", "play"), ("p", "paused"), ("p", "play")):
        if key:
            tap(game, key)
        expect(game, want, f"after {key}" if key else "at the start")
        assert background(game, info) == BACKGROUNDS[want], (
            f"the {want!r} scene must fill the window with {BACKGROUNDS[want]}"
        )
    play_until_over(game)
    assert background(game, info) == BACKGROUNDS["over"], f"the 'over' scene must fill the window with {BACKGROUNDS['over']}"


def test_menu_keys(game):
    """In the menu, SPACE and P do nothing"""
    game.start()
    tap(game, "SPACE", 3)
    tap(game, "p")
    state = read(game)
    assert state["scene"] == "menu", "SPACE and P don't leave the menu: only RETURN (play) and ESCAPE (quit) do"
    assert state["score"] == 0, "SPACE in the menu must not score: points count only in the 'play' scene"
    tap(game, "RETURN")
    assert read(game)["score"] == 0, "a round starts with a score of 0"


@pytest.mark.points(2)
def test_one_point_per_press(game):
    """Holding SPACE scores one point, not one per frame"""
    game.start()
    tap(game, "RETURN")
    tap(game, "SPACE", 3)
    game.press("SPACE")
    game.step(20)
    game.release("SPACE")
    game.step()
    score = read(game)["score"]
    assert score == 4, (
        "three taps and one long press of SPACE must score exactly 4: count KEYDOWN events, "
        "not frames where the key is held"
    )


@pytest.mark.points(2)
def test_round_time(game):
    """A round lasts ROUND_TIME seconds of play, counted with dt"""
    info = game.start()
    fps = info["fps"]
    game.press("RETURN")
    frames = 1
    game.step()
    game.release("RETURN")
    game.step(2 * fps - 1)
    frames += 2 * fps - 1
    left = read(game)["time_left"]
    assert abs(left - (ROUND_TIME - 2)) <= 2 / fps, (
        "after 2 s of play time_left must be about 8 s: subtract dt in update() while playing"
    )
    while scene(game) == "play" and frames < 12 * fps:
        game.step()
        frames += 1
    expect(game, "over", "when the time is up the game is over")
    assert abs(frames - ROUND_TIME * fps) <= 2, (
        f"the round ended {'too early' if frames < ROUND_TIME * fps else 'too late'}: it lasts {ROUND_TIME:g} s "
        "of play, counted by subtracting dt each frame"
    )
    assert read(game)["time_left"] == 0, "when the time is up, time_left is 0 (not below)"


@pytest.mark.points(2)
def test_pause(game):
    """P pauses and resumes; the clock stops while paused"""
    info = game.start()
    tap(game, "RETURN")
    game.seconds(1)
    tap(game, "SPACE")
    tap(game, "p")
    expect(game, "paused", "P pauses the round (if the pause ends at once, the same key press was also handled "
           "by the 'paused' scene: let only the current scene see each event)")
    before = read(game)
    game.seconds(3)
    tap(game, "SPACE", 2)
    after = read(game)
    assert after["time_left"] == before["time_left"], "the clock must stop while the game is paused"
    assert after["score"] == before["score"], "SPACE must not score while paused"
    assert after["scene"] == "paused", "the pause lasts until P is pressed again"
    tap(game, "p")
    expect(game, "play", "P again goes back to the round")
    assert read(game)["score"] == before["score"], "resuming keeps the score"
    left = read(game)["time_left"]
    assert abs(left - before["time_left"]) <= 3 / info["fps"], "resuming goes on with the time that was left"


@pytest.mark.points(2)
def test_one_scene_per_press(game):
    """RETURN on the game-over screen goes back to the menu, not straight into a new round"""
    game.start()
    tap(game, "RETURN")
    play_until_over(game)
    tap(game, "RETURN")
    expect(game, "menu", "one press of RETURN in 'over' goes to the menu; only the menu starts a round: "
           "let only the current scene handle a key press")
    new_round(game)
    play_until_over(game)
    game.press("RETURN")
    game.step(10)
    game.release("RETURN")
    game.step()
    expect(game, "menu", "holding RETURN on the game-over screen is one press: it goes to the menu only "
           "(react to KEYDOWN events, not to keys held)")


@pytest.mark.points(2)
def test_escape(game):
    """ESCAPE leaves a round for the menu, and quits from the menu"""
    game.start()
    tap(game, "RETURN")
    tap(game, "ESCAPE")
    expect(game, "menu", "ESCAPE during a round goes back to the menu")
    assert read(game)["running"] is True, "ESCAPE during a round doesn't quit the game"
    tap(game, "RETURN")
    tap(game, "p")
    tap(game, "ESCAPE")
    expect(game, "menu", "ESCAPE while paused goes back to the menu")
    assert read(game)["running"] is True, "ESCAPE while paused doesn't quit the game"
    tap(game, "ESCAPE")
    assert read(game)["running"] is False, "ESCAPE in the menu quits: running becomes False"


def test_quit_event(game):
    """Closing the window quits from any scene"""
    game.start()
    tap(game, "RETURN")
    game.post("QUIT")
    game.step()
    assert read(game)["running"] is False, "a pygame.QUIT event sets running to False"


@pytest.mark.points(2)
def test_new_round_and_best(game):
    """Each round starts afresh; the best score is kept"""
    info = game.start()
    tap(game, "RETURN")
    tap(game, "SPACE", 5)
    play_until_over(game)
    state = read(game)
    assert state["score"] == 5 and state["best"] == 5, "after a round of 5 points the score and the best are 5"
    tap(game, "RETURN")
    expect(game, "menu", "RETURN on the game-over screen goes to the menu, and only there")
    new_round(game)
    state = read(game)
    assert state["score"] == 0, "a new round starts with a score of 0"
    assert abs(state["time_left"] - ROUND_TIME) <= 3 / info["fps"], "a new round starts with the full ROUND_TIME"
    assert state["best"] == 5, "the best score is kept from one round to the next"
    tap(game, "SPACE", 2)
    play_until_over(game)
    state = read(game)
    assert state["score"] == 2 and state["best"] == 5, "a worse round doesn't lower the best score"
