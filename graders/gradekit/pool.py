"""Warm pools: sandbox pairs started ahead of time per kind, each used for exactly one submission."""

from __future__ import annotations

import collections
import queue
import threading
from collections.abc import Iterable

from gradekit.errors import GradekitError
from gradekit.pair import Pair, PairKey
from gradekit.sandbox import get_backend
from gradekit.settings import Settings

READY_TIMEOUT = 60.0
POOL_SLOT_BASE = 1000  # pool pairs take slots (and so uids) apart from the workers' cold-path slots


class SlotAllocator:
    """Hands out sandbox slots so no two live pairs share a uid."""

    def __init__(self, base: int, count: int) -> None:
        self.free = collections.deque(range(base, base + count))
        self.lock = threading.Lock()

    def take(self) -> int | None:
        with self.lock:
            return self.free.popleft() if self.free else None

    def give(self, slot: int) -> None:
        with self.lock:
            self.free.append(slot)


class WarmPool:
    """Keeps `size` started pairs per key; `take` hands one out and starts its replacement."""

    def __init__(self, settings: Settings, size: int = 1, keys: Iterable[PairKey] = (), max_keys: int = 4) -> None:
        self.settings = settings
        self.size = size
        self.max_keys = max_keys  # pairs are kept only for the most recently used keys
        self.recent: collections.OrderedDict[PairKey, None] = collections.OrderedDict()
        self.slots = SlotAllocator(POOL_SLOT_BASE, 64)
        self.ready: dict[PairKey, collections.deque[tuple[Pair, int]]] = collections.defaultdict(collections.deque)
        self.lock = threading.Lock()
        self.starting: collections.Counter[PairKey] = collections.Counter()
        self.closed = False
        # bwrap's --die-with-parent follows the thread that started it, so one long-lived thread
        # starts every pair.
        self.requests: queue.Queue[PairKey | None] = queue.Queue()
        self.spawner = threading.Thread(target=self._spawn_loop, name="warm-pool", daemon=True)
        self.spawner.start()
        for key in keys:
            self.fill(key)

    def take(self, key: PairKey) -> tuple[Pair, int] | None:
        """A ready pair for `key` (and its slot, to give back after use), or None to start one cold."""
        found = None
        stale: list[tuple[Pair, int]] = []
        with self.lock:
            self.recent[key] = None
            self.recent.move_to_end(key)
            while len(self.recent) > self.max_keys:
                old, _ = self.recent.popitem(last=False)
                stale.extend(self.ready.pop(old, ()))
            queue = self.ready[key]
            while queue and found is None:
                pair, slot = queue.popleft()
                if pair.alive():
                    found = (pair, slot)
                else:
                    stale.append((pair, slot))
        for pair, slot in stale:
            self.release(pair, slot)
        self.fill(key)
        return found

    def release(self, pair: Pair, slot: int) -> None:
        """Destroy a used pair in the background, then free its slot."""

        def destroy() -> None:
            pair.destroy()
            self.slots.give(slot)

        threading.Thread(target=destroy, daemon=True).start()

    def fill(self, key: PairKey) -> None:
        """Start pairs in the background until `size` are ready or starting."""
        with self.lock:
            missing = self.size - len(self.ready[key]) - self.starting[key]
            if self.closed or missing <= 0:
                return
            self.starting[key] += missing
        for _ in range(missing):
            self.requests.put(key)

    def _spawn_loop(self) -> None:
        while (key := self.requests.get()) is not None:
            self._start(key)

    def _start(self, key: PairKey) -> None:
        """Start a pair here (the long-lived thread); wait for its warm-up elsewhere."""
        slot = self.slots.take()
        if slot is None:
            with self.lock:
                self.starting[key] -= 1
            return
        try:
            settings = Settings(**{**self.settings.__dict__, "slot": slot})
            pair = Pair(get_backend(settings), key, settings, warm=True)
        except (GradekitError, OSError):
            self.slots.give(slot)
            with self.lock:
                self.starting[key] -= 1
            return
        threading.Thread(target=self._await_ready, args=(key, pair, slot), daemon=True).start()

    def _await_ready(self, key: PairKey, pair: Pair, slot: int) -> None:
        ready = pair.wait_ready(READY_TIMEOUT)
        with self.lock:
            self.starting[key] -= 1
        if not ready:
            self.release(pair, slot)
            return
        with self.lock:
            keep = not self.closed and (key in self.recent or not self.recent)
            if keep:
                self.ready[key].append((pair, slot))
        if not keep:
            self.release(pair, slot)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            pairs = [item for queue in self.ready.values() for item in queue]
            self.ready.clear()
        self.requests.put(None)
        for pair, slot in pairs:
            self.release(pair, slot)
