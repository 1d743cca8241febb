"""Render each games exercise's screenshot.png from its reference solution, headless.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy .venv/bin/python exercises/games/screenshots.py [SLUG ...]

Each exercise's reference game is driven like the checker drives it (fixed dt, held keys seen by
events and get_pressed()) through a short script of inputs, then its screen is saved beside README.md.
"""

import importlib.util
import os
import sys
import tomllib
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from gradekit.kinds.games import GameDriver  # noqa: E402

HERE = Path(__file__).resolve().parent

# What to do before taking the picture: ("step", frames), ("press", key), ("release", key),
# ("post", event type, attributes), ("play", frames, player): a player looks at state() and
# names the key to hold during the next frame.


def catch_fruit(state):
    falling = [f for f in state["fruits"] if f[1] < 200]
    if not falling:
        return None
    x = max(falling, key=lambda f: f[1])[0]
    centre = state["basket_x"] + 30
    return None if abs(x - centre) < 8 else "RIGHT" if x > centre else "LEFT"


def pong_player(state):
    ball, paddle = state["ball"], state["player_y"]
    target = ball["y"] - 15 if ball["vx"] < 0 else 150
    return None if abs(target - paddle) < 4 else "DOWN" if target > paddle else "UP"


PLAYERS = {"catch_fruit": catch_fruit, "pong_player": pong_player}

SCRIPTS = {
    "game-loop": [("step", 20)],
    "bouncing-ball": [("step", 40)],
    "collisions": [("press", "RIGHT"), ("step", 36), ("release", "RIGHT"), ("press", "UP"), ("step", 20)],
    "move-sprite": [("press", "UP"), ("press", "RIGHT"), ("step", 20)],
    "pong": [("play", 190, "pong_player")],
    "scenes": [("press", "RETURN"), ("step", 1), ("release", "RETURN"), ("step", 1)]
    + [("press", "SPACE"), ("step", 2), ("release", "SPACE"), ("step", 2)] * 7 + [("step", 20)],
    "score-and-lives": [("play", 150, "catch_fruit")],
    "sprite-animation": [("step", 12), ("post", "MOUSEBUTTONDOWN", {"pos": (110, 80), "button": 1}), ("step", 14),
                         ("post", "MOUSEBUTTONDOWN", {"pos": (210, 82), "button": 1}), ("step", 6)],
    "tile-map": [("press", "DOWN"), ("step", 53), ("release", "DOWN"), ("press", "RIGHT"), ("step", 70)],
    "shapes-and-text": [("press", "SPACE"), ("step", 1), ("release", "SPACE"), ("press", "SPACE"), ("step", 1),
                        ("release", "SPACE"), ("press", "SPACE"), ("step", 1)],
}


def render(slug):
    folder = HERE / slug
    config = tomllib.loads((folder / "exercise.toml").read_text())
    main_file = config["files"][0]
    spec = importlib.util.spec_from_file_location(f"solution_{slug.replace('-', '_')}", folder / "solution" / main_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    driver = GameDriver(module, config.get("options", {}))
    driver.handle({"action": "start"})
    for action, *args in SCRIPTS.get(slug, [("step", 30)]):
        if action == "step":
            driver.handle({"action": "step", "frames": args[0]})
        elif action in ("press", "release"):
            driver.handle({"action": "key", "key": args[0], "down": action == "press"})
        elif action == "play":
            held = None
            for _ in range(args[0]):
                key = PLAYERS[args[1]](driver.handle({"action": "state"}))
                if key != held:
                    if held:
                        driver.handle({"action": "key", "key": held, "down": False})
                    if key:
                        driver.handle({"action": "key", "key": key, "down": True})
                    held = key
                driver.handle({"action": "step", "frames": 1})
        elif action == "post":
            driver.handle({"action": "post", "type": args[0], "attributes": args[1] if len(args) > 1 else {}})
    (folder / "screenshot.png").write_bytes(driver.handle({"action": "frame"}))
    print(f"{slug}/screenshot.png")


if __name__ == "__main__":
    for slug in sys.argv[1:] or sorted(p.parent.name for p in HERE.glob("*/exercise.toml")):
        render(slug)
