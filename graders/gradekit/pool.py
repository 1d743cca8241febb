"""Warm pools: sandboxes started ahead of time per kind; each submission gets sandboxes no one used.

Where the fork server can run (`gradekit.forkserver`), the pool keeps fork servers per key and
each submission gets a pair forked from one; elsewhere it keeps started pairs, each used once.
"""

from __future__ import annotations

import collections
import logging
import os
import queue
import threading
import time
from collections.abc import Iterable

from gradekit.background import in_background
from gradekit.errors import GradekitError
from gradekit.forkserver import ForkedPair, ForkServer, fork_server_usable
from gradekit.kinds import get_kind
from gradekit.pair import Pair, PairKey
from gradekit.parts import MOST
from gradekit.sandbox import get_backend
from gradekit.sandbox.cgroup import CgroupSet, favor_migrations
from gradekit.settings import Settings

READY_TIMEOUT = 60.0
log = logging.getLogger(__name__)
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
    """Keeps `size` started pairs per key; `take` hands one out and starts its replacement.

    Kinds whose submissions are spread over parallel pairs (`Kind.spread`) keep `size` pairs for
    each part, so that a submission finds all its pairs warm.
    """

    def __init__(self, settings: Settings, size: int = 1, keys: Iterable[PairKey] = (), max_keys: int = 4,
                 slot_base: int = POOL_SLOT_BASE) -> None:
        self.settings = settings
        self.size = size
        self.max_keys = max_keys  # pairs are kept only for the most recently used keys
        self.recent: collections.OrderedDict[PairKey, None] = collections.OrderedDict()
        self.slots = SlotAllocator(slot_base, 64)
        self.ready: dict[PairKey, collections.deque[tuple[Pair, int]]] = collections.defaultdict(collections.deque)
        self.lock = threading.Lock()
        self.starting: collections.Counter[PairKey] = collections.Counter()
        # Fork servers: idle ones per key, and how many live per key (idle, busy or starting).
        self.servers: dict[PairKey, collections.deque[ForkServer]] = collections.defaultdict(collections.deque)
        self.live_servers: collections.Counter[PairKey] = collections.Counter()
        self.forkable: dict[str, bool] = {}
        self.closed = False
        # bwrap's --die-with-parent follows the thread that started it, so one long-lived thread
        # starts every pair.
        self.requests: queue.Queue[PairKey | None] = queue.Queue()
        self.spawner = threading.Thread(target=self._spawn_loop, name="warm-pool", daemon=True)
        self.spawner.start()
        if settings.cgroups and os.geteuid() == 0:
            CgroupSet.sweep()  # what a killed grading process left behind
            if settings.favor_migrations and settings.backend == "bwrap":
                log.info("cgroup migrations: %s", favor_migrations())
        for key in keys:
            self.prepare(key)

    def parts(self, key: PairKey) -> int:
        """Over how many pairs one submission of `key` may be spread (`Settings.parts`, for kinds that spread)."""
        return max(1, min(self.settings.parts, MOST)) if get_kind(key.kind).spread else 1

    def target(self, key: PairKey) -> int:
        """How many pairs (or fork servers) to keep ready for `key`."""
        return self.size * self.parts(key)

    def wait_ready(self, key: PairKey, timeout: float = READY_TIMEOUT, every: bool = False) -> bool:
        """Wait until a started pair or an idle fork server for `key` is ready to take (with `every`: all
        that the pool keeps for it)."""
        deadline = time.monotonic() + timeout
        wanted = self.target(key) if every else 1
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.ready[key]) + len(self.servers[key]) >= wanted:
                    return True
            time.sleep(0.01)
        return False

    def uses_fork_server(self, key: PairKey) -> bool:
        if key.kind not in self.forkable:
            self.forkable[key.kind] = fork_server_usable(self.settings, key)
        return self.forkable[key.kind]

    def prepare(self, key: PairKey) -> None:
        """Warm up for `key` ahead of its first submission (it counts as the most recently used)."""
        self._use(key)
        self.fill(key)

    def _use(self, key: PairKey) -> None:
        """Mark `key` most recently used; what is kept for keys beyond `max_keys` goes."""
        stale: list[tuple[Pair, int]] = []
        stale_servers: list[ForkServer] = []
        with self.lock:
            self.recent[key] = None
            self.recent.move_to_end(key)
            while len(self.recent) > self.max_keys:
                old, _ = self.recent.popitem(last=False)
                stale.extend(self.ready.pop(old, ()))
                stale_servers.extend(self.servers.pop(old, ()))
        for server in stale_servers:
            self._retire(server)
        for pair, slot in stale:
            self.release(pair, slot)

    def take(self, key: PairKey, refill: bool = True) -> tuple[Pair, int] | None:
        """A ready pair for `key` (and its slot, to give back after use), or None to start one cold.

        Its replacement starts at once, or with `refill=False` when the caller says `fill(key)`: a
        grading that takes several pairs has them replaced once it is done, so that their warm-up
        does not slow it down.
        """
        found = None
        stale: list[tuple[Pair, int]] = []
        self._use(key)
        if self.uses_fork_server(key):
            return self._fork(key)
        with self.lock:
            queue = self.ready[key]
            while queue and found is None:
                pair, slot = queue.popleft()
                if pair.alive():
                    found = (pair, slot)
                else:
                    stale.append((pair, slot))
        for pair, slot in stale:
            self.release(pair, slot)
        if refill or found is None:
            self.fill(key)
        return found

    def _fork(self, key: PairKey) -> tuple[Pair, int] | None:
        """A pair forked from an idle fork server of `key`, or None (then one more server starts)."""
        server = None
        dead: list[ForkServer] = []
        with self.lock:
            idle = self.servers[key]
            while idle and server is None:
                candidate = idle.popleft()
                if candidate.alive():
                    server = candidate
                else:
                    dead.append(candidate)
        for candidate in dead:
            self._retire(candidate)
        self.fill(key, extra=1 if server is None else 0)
        if server is None:
            return None
        try:
            return server.pair(), server.slot
        except (GradekitError, OSError):
            self._retire(server)
            return None

    def _retire(self, server: ForkServer, replace: bool = True) -> None:
        """Close a fork server in the background; start its replacement if its key is still in use
        (not after a failed start, which would only fail again)."""
        with self.lock:
            self.live_servers[server.key] -= 1
            replace = replace and server.key in self.recent and not self.closed
        threading.Thread(target=self._close_server, args=(server,), daemon=True).start()
        if replace:
            self.fill(server.key)

    def _close_server(self, server: ForkServer) -> None:
        server.close()
        self.slots.give(server.slot)

    def release(self, pair: Pair, slot: int) -> None:
        """Destroy a used pair in the background, then free its slot (or its fork server for the next)."""

        def destroy() -> None:
            pair.destroy()
            if isinstance(pair, ForkedPair):
                self._settle(pair.server)
                return
            self.slots.give(slot)

        in_background(destroy)

    def _settle(self, server: ForkServer) -> None:
        """Put a fork server whose pair is destroyed back in service, or retire it."""
        settled = server.settle() and server.alive()
        with self.lock:
            keep = settled and not self.closed and server.key in self.recent
            if keep:
                self.servers[server.key].append(server)
        if not keep:
            self._retire(server)

    def fill(self, key: PairKey, extra: int = 0) -> None:
        """Start pairs (or fork servers) in the background until `size` (+ `extra`) are ready or starting."""
        forkable = self.uses_fork_server(key)
        with self.lock:
            if forkable:
                missing = self.target(key) + extra - self.live_servers[key]
                self.live_servers[key] += max(missing, 0)
            else:
                missing = self.target(key) - len(self.ready[key]) - self.starting[key]
                self.starting[key] += max(missing, 0)
            if self.closed or missing <= 0:
                return
        for _ in range(missing):
            self.requests.put(key)

    def _spawn_loop(self) -> None:
        while (key := self.requests.get()) is not None:
            self._start(key)

    def _start(self, key: PairKey) -> None:
        """Start a pair here (the long-lived thread); wait for its warm-up elsewhere."""
        if self.uses_fork_server(key):
            self._start_server(key)
            return
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
            keep = not self.closed and key in self.recent
            if keep:
                self.ready[key].append((pair, slot))
        if not keep:
            self.release(pair, slot)

    def _start_server(self, key: PairKey) -> None:
        slot = self.slots.take()
        server = None
        if slot is not None:
            try:
                settings = Settings(**{**self.settings.__dict__, "slot": slot})
                server = ForkServer(get_backend(settings), key, settings)
            except (GradekitError, OSError):
                self.slots.give(slot)
        if server is None:
            with self.lock:
                self.live_servers[key] -= 1
            return
        threading.Thread(target=self._await_server, args=(server,), daemon=True).start()

    def _await_server(self, server: ForkServer) -> None:
        ready = server.wait_ready(READY_TIMEOUT)
        with self.lock:
            keep = ready and not self.closed and server.key in self.recent
            if keep:
                self.servers[server.key].append(server)
        if not keep:
            self._retire(server, replace=False)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            pairs = [item for queue in self.ready.values() for item in queue]
            self.ready.clear()
            servers = [server for queue in self.servers.values() for server in queue]
            self.servers.clear()
        self.requests.put(None)
        for pair, slot in pairs:
            self.release(pair, slot)
        for server in servers:
            self._retire(server)
