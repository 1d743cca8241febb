import pytest

BACKGROUND = (30, 30, 60)
YELLOW = (255, 220, 0)


def read(game):
    state = game.state()
    assert isinstance(state, dict), "state() must return a dict"
    for key in ("frames", "elapsed", "running"):
        assert key in state, f"state() must have the key {key!r}"
    return state


def test_fills_every_corner(game):
    """draw() fills the whole window with BACKGROUND"""
    info = game.start()
    game.step()
    w, h = info["width"], info["height"]
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1), (w // 4, h // 4)):
        assert game.pixel(x, y) == BACKGROUND, (
            f"pixel ({x}, {y}) is not BACKGROUND (30, 30, 60); start draw() with screen.fill(BACKGROUND)"
        )


@pytest.mark.points(2)
def test_counts_frames(game):
    """update() counts every frame, starting from 0"""
    game.start()
    assert read(game)["frames"] == 0, "a new Game has counted no frames yet: start self.frames at 0"
    game.step()
    frames = read(game)["frames"]
    assert frames == 1, "after one frame of a new Game state()['frames'] must be 1 (add 1 in update())"
    game.step(99)
    frames = read(game)["frames"]
    assert isinstance(frames, int) and not isinstance(frames, bool), "the frame count must be a whole number (int)"
    assert frames == 100, "after 100 frames state()['frames'] must be 100: count once per update() call"


def test_new_game_starts_over(game):
    """A new Game starts counting from 0 again"""
    game.start()
    game.step(30)
    game.start()
    game.step(3)
    state = read(game)
    assert not (isinstance(state["frames"], int) and state["frames"] > 3), (
        "a second Game went on counting from the first one; keep the counter on self, not in a module-level variable"
    )
    assert state["frames"] == 3, "after 3 frames of a new Game state()['frames'] must be 3"
    assert abs(state["elapsed"] - 3 / 60) < 0.01, (
        "after 3 frames of a new Game elapsed must be 3 * dt = 0.05 s"
    )


@pytest.mark.points(2)
def test_elapsed_uses_dt(game):
    """The elapsed time adds up dt, not the real clock"""
    info = game.start()
    game.step(info["fps"] * 3 // 2)
    elapsed = read(game)["elapsed"]
    assert isinstance(elapsed, (int, float)), "state()['elapsed'] must be a number of seconds"
    assert elapsed < 1.5 + 0.01, (
        "after 1.5 s of frames of a new Game state()['elapsed'] was more than 1.5: it went on from an earlier "
        "Game, or dt was added more than once per frame; keep the elapsed time on self, starting at 0"
    )
    assert abs(elapsed - 1.5) < 0.01, (
        "after 1.5 s of frames state()['elapsed'] was too small; it"
        " must be 1.5: add the dt passed to update() instead of "
        "reading the real clock (the checker runs frames faster than real time)"
    )


def square_drawn(game, info):
    cx, cy = info["width"] // 2, info["height"] // 2
    return [game.pixel(x, y) == YELLOW for x, y in ((cx, cy), (cx - 15, cy - 15), (cx + 15, cy + 15))]


@pytest.mark.points(2)
def test_square_blinks(game):
    """The yellow square shows in the first half of every second and hides in the second"""
    info = game.start()
    fps, frames = info["fps"], 0
    for time, visible in ((0.25, True), (0.75, False), (1.25, True), (1.75, False), (2.1, True)):
        frames = game.step(round(time * fps) - frames)
        drawn = square_drawn(game, info)
        if visible:
            assert all(drawn), (
                f"at {time} s the 40x40 yellow (255, 220, 0) square must be in the centre of the window"
            )
        else:
            assert not any(drawn), (
                f"at {time} s the square must be gone: draw it only while elapsed % 1.0 < 0.5, "
                "and fill the background every frame so the old square is painted over"
            )


def test_square_size(game):
    """The square is 40 by 40 pixels, centred"""
    info = game.start()
    game.step(6)
    cx, cy = info["width"] // 2, info["height"] // 2
    for x, y in ((cx - 19, cy), (cx + 18, cy), (cx, cy - 19), (cx, cy + 18)):
        assert game.pixel(x, y) == YELLOW, "the square must be 40x40 pixels with its centre at the window's centre"
    for x, y in ((cx - 22, cy), (cx + 22, cy), (cx, cy - 22), (cx, cy + 22)):
        assert game.pixel(x, y) == BACKGROUND, "the square is too big: it must be 40x40 pixels"


def test_escape_stops(game):
    """ESCAPE stops the game; other keys don't"""
    game.start()
    game.step()
    assert read(game)["running"] is True, "a new game must be running (state()['running'] is True)"
    game.press("SPACE")
    game.step()
    game.release("SPACE")
    game.step()
    assert read(game)["running"] is True, "only ESCAPE and closing the window stop the game, not SPACE"
    game.press("ESCAPE")
    game.step()
    assert read(game)["running"] is False, "pressing ESCAPE must set running to False"


def test_quit_event_stops(game):
    """Closing the window (a QUIT event) stops the game"""
    game.start()
    game.step()
    game.post("QUIT")
    game.step()
    assert read(game)["running"] is False, "a pygame.QUIT event must set running to False"
