"""Sandbox slot blocks: each grading process on a machine takes its own range of sandbox uids."""

from __future__ import annotations

import fcntl
import tempfile
from pathlib import Path
from typing import IO, Any

from gradekit.settings import Settings

# A process's slots: its cold-path slots from 0, `learnpath check`'s from 100, a warm pool's from 1000.
SLOTS_PER_PROCESS = 2048
MAX_BLOCKS = 256


class SlotBlock:
    """Block `index` of slots, held through a lock file for as long as this process lives.

    The lock goes with the process, however it ends, so a restarted worker takes the block again.
    Block 0 is left to `learnpath serve` and `learnpath check`, which use slots from 0 directly.
    """

    def __init__(self, index: int, handle: IO[bytes]) -> None:
        self.index = index
        self._handle = handle

    @classmethod
    def take(cls, lock_dir: Path) -> SlotBlock:
        lock_dir.mkdir(parents=True, exist_ok=True)
        for index in range(1, MAX_BLOCKS):
            handle = (lock_dir / f"block-{index}.lock").open("ab")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            return cls(index, handle)
        raise RuntimeError(f"{lock_dir}: all {MAX_BLOCKS - 1} slot blocks are held; stop some worker processes")

    def release(self) -> None:
        self._handle.close()


def lock_dir(config: dict[str, Any]) -> Path:
    return Path(config.get("SLOT_LOCK_DIR") or Path(tempfile.gettempdir()) / "learnpath-slots")


def grader_config(config: dict[str, Any], block: SlotBlock) -> dict[str, Any]:
    """GRADER settings for a process holding `block`: every slot it uses, warm pool's too, is shifted.

    gradekit gives slot s the uids uid_base + 2*s (+1), so moving uid_base by 2*base moves them all.
    """
    grader = dict(config["GRADER"])
    base = int(config["WORKER_SLOT_BASE"]) + block.index * SLOTS_PER_PROCESS
    grader["uid_base"] = str(Settings.from_mapping(grader).uid_base + 2 * base)
    return grader
