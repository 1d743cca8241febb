"""The `pygame` kind: the learner's game runs headless in the subject; tests drive it frame by frame.

The learner's module defines `Game(screen)` with `handle_event(event)`, `update(dt)`, `draw(screen)`
and `state() -> dict`. The subject steps it with a fixed clock (dt = 1 / fps), delivers posted
events through `pygame.event.get()`, and keeps `pygame.key.get_pressed()` in step with the keys the
test holds down, so event-driven and polling games both see the same input.
"""

from __future__ import annotations

import importlib
import io
from typing import Any

from gradekit.kinds import Kind, Loaded

MAX_STEPS = 100_000


class HeldKeys:
    """What `pygame.key.get_pressed()` returns: indexable by key code."""

    def __init__(self, held: set[int]) -> None:
        self.held = held

    def __getitem__(self, key: int) -> bool:
        return key in self.held

    def __len__(self) -> int:
        return 512


class GameDriver:
    """Owns the screen and the clock; each request is one small, deterministic action."""

    def __init__(self, module: Any, options: dict[str, Any]) -> None:
        import pygame

        self.pygame = pygame
        self.module = module
        self.width, self.height = (int(v) for v in options.get("size", (640, 480)))
        self.fps = int(options.get("fps", 60))
        self.held: set[int] = set()
        self.frames = 0
        self.game: Any = None
        pygame.key.get_pressed = lambda: HeldKeys(self.held)  # type: ignore[assignment,return-value]

    def start(self, request: dict[str, Any]) -> dict[str, Any]:
        pygame = self.pygame
        pygame.init()
        screen = pygame.display.set_mode((self.width, self.height))
        factory = getattr(self.module, str(request.get("factory", "Game")), None)
        if factory is None:
            raise LookupError(f"{self.module.__name__}.py does not define `{request.get('factory', 'Game')}`")
        self.held.clear()  # each start is a fresh game: no key held, no event pending
        pygame.event.clear()
        self.game = factory(screen)
        self.screen = screen
        self.frames = 0
        return {"width": self.width, "height": self.height, "fps": self.fps}

    def _require_game(self) -> Any:
        if self.game is None:
            raise RuntimeError("the game was not started")
        return self.game

    def key(self, request: dict[str, Any]) -> None:
        pygame = self.pygame
        code = self.key_code(request["key"])
        down = bool(request.get("down", True))
        if down:
            self.held.add(code)
        else:
            self.held.discard(code)
        event_type = pygame.KEYDOWN if down else pygame.KEYUP
        pygame.event.post(pygame.event.Event(event_type, key=code, mod=0, unicode="", scancode=0))

    def key_code(self, name: Any) -> int:
        if isinstance(name, int):
            return name
        code = getattr(self.pygame, f"K_{name}", None)
        if code is None:
            raise ValueError(f"unknown key {name!r}")
        return int(code)

    def post(self, request: dict[str, Any]) -> None:
        pygame = self.pygame
        event_type = getattr(pygame, str(request["type"]), None)
        if not isinstance(event_type, int):
            raise ValueError(f"unknown event type {request['type']!r}")
        attributes = dict(request.get("attributes") or {})
        if "pos" in attributes:
            attributes["pos"] = tuple(attributes["pos"])
        pygame.event.post(pygame.event.Event(event_type, **attributes))

    def step(self, request: dict[str, Any]) -> int:
        game = self._require_game()
        frames = max(0, min(int(request.get("frames", 1)), MAX_STEPS))
        dt = 1.0 / self.fps
        for _ in range(frames):
            for event in self.pygame.event.get():
                handler = getattr(game, "handle_event", None)
                if handler:
                    handler(event)
            game.update(dt)
            game.draw(self.screen)
            self.frames += 1
        return self.frames

    def state(self, request: dict[str, Any]) -> Any:
        return self._require_game().state()

    def frame(self, request: dict[str, Any]) -> bytes:
        buffer = io.BytesIO()
        self.pygame.image.save(self.screen, buffer, "frame.png")
        return buffer.getvalue()

    def pixel(self, request: dict[str, Any]) -> tuple[int, int, int]:
        color = self.screen.get_at((int(request["x"]), int(request["y"])))
        return (color.r, color.g, color.b)

    def handle(self, request: dict[str, Any]) -> Any:
        action = str(request.get("action"))
        if action == "start":
            return self.start(request)
        if action in {"key", "post", "step", "state", "frame", "pixel"}:
            self._require_game()
            return getattr(self, action)(request)
        raise ValueError(f"unknown game action {action!r}")


class PygameKind(Kind):
    name = "pygame"
    heavy_imports = ("pygame",)
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        module = importlib.import_module(self.main_module(files, options))
        driver = GameDriver(module, options)
        return Loaded(module=module, ops={"game": driver.handle})


KIND = PygameKind()
