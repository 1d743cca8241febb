"""Are pygame games driven headless, frame by frame, with the frame attached when a test fails?"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.harness import SCREEN_WITHHELD

EVENT_DRIVEN = """
import pygame

class Game:
    def __init__(self, screen):
        self.width, self.height = screen.get_size()
        self.x, self.direction = self.width / 2 - 20, 0

    def handle_event(self, event):
        step = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}
        if event.type == pygame.KEYDOWN and event.key in step:
            self.direction = step[event.key]
        elif event.type == pygame.KEYUP and event.key in step:
            self.direction = 0

    def update(self, dt):
        self.x = min(max(self.x + self.direction * 240 * dt, 0), self.width - 40)

    def draw(self, screen):
        screen.fill((0, 0, 0))
        pygame.draw.rect(screen, (255, 255, 255), pygame.Rect(int(self.x), self.height - 20, 40, 10))

    def state(self):
        return {"x": self.x}
"""


@pytest.fixture
def paddle(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "paddle")


def test_reference_game_passes(paddle):
    """Does the polling reference game (pygame.key.get_pressed) pass?"""
    assert grade(paddle, paddle.solution_files(), Settings())["status"] == "pass"


def test_event_driven_game_passes_too(paddle):
    """Does a correct game that reads KEYDOWN/KEYUP events instead of get_pressed() pass as well?"""
    report = grade(paddle, {"game.py": EVENT_DRIVEN}, Settings())
    assert report["status"] == "pass", report


def test_failing_tests_attach_the_frame(paddle):
    """Does each failing visible test carry the screen as a PNG artifact, and each failing hidden
    one (whose screen the learner's code drew from hidden inputs) say it is not shown instead?"""
    report = grade(paddle, paddle.starter_files(), Settings())
    failed = {t["id"]: t for t in report["tests"] if t["status"] == "fail"}
    frames = {a["test"]: a for a in report["artifacts"] if a["media_type"] == "image/png"}
    shown = {test for test, result in failed.items() if result["visible"]}
    assert shown and len(failed) > len(shown) and set(frames) == shown
    assert base64.b64decode(frames[next(iter(shown))]["data"]).startswith(b"\x89PNG")
    assert all(SCREEN_WITHHELD in failed[test]["message"] for test in set(failed) - shown)


def test_frame_rate_dependent_movement_fails(paddle):
    """Is movement per frame (not per second) caught?"""
    per_frame = EVENT_DRIVEN.replace("self.direction * 240 * dt", "self.direction * 5")
    report = grade(paddle, {"game.py": per_frame}, Settings())
    assert report["status"] == "fail"


def test_a_game_that_never_returns_from_update_is_a_timeout(paddle):
    """Does an update() that loops forever get a timeout verdict?"""
    loop = "    def update(self, dt):\n        while True:\n            pass\n"
    stuck = EVENT_DRIVEN.replace("    def update(self, dt):\n", loop)
    report = grade(paddle, {"game.py": stuck}, Settings())
    assert report["reason"] == "timeout"


def test_a_module_without_game_is_reported(paddle):
    """Does a module without the Game class get a clear message?"""
    report = grade(paddle, {"game.py": "import pygame\n"}, Settings())
    assert "game.py does not define `Game`" in report["tests"][0]["message"]
