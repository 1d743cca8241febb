"""Do grading processes on one machine get sandbox uids of their own?"""

from __future__ import annotations

import subprocess
import sys

from learnpath.slots import SLOTS_PER_PROCESS, SlotBlock, grader_config


def test_each_process_takes_its_own_block_and_a_freed_block_is_taken_again(tmp_path):
    """Do two holders get different blocks (never block 0), and is a released block reused?"""
    first, second = SlotBlock.take(tmp_path), SlotBlock.take(tmp_path)
    assert (first.index, second.index) == (1, 2)
    first.release()
    again = SlotBlock.take(tmp_path)
    assert again.index == 1
    second.release()
    again.release()


HOLDER = """
import pathlib, sys
from learnpath.slots import SlotBlock
block = SlotBlock.take(pathlib.Path(sys.argv[1]))
print(block.index, flush=True)
sys.stdin.read()
"""


def test_a_block_held_by_another_process_is_skipped(tmp_path):
    """Is a block locked by a live process left alone, and free again once that process is gone?"""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "1"
    taken = SlotBlock.take(tmp_path)
    assert taken.index == 2
    taken.release()
    holder.communicate("", timeout=10)
    taken = SlotBlock.take(tmp_path)
    assert taken.index == 1
    taken.release()


def test_the_block_moves_every_uid_the_process_uses(tmp_path):
    """Does a block shift uid_base past everything a process may use, the warm pool's slots included?"""
    block = SlotBlock.take(tmp_path)
    grader = grader_config({"GRADER": {"backend": "bwrap"}, "WORKER_SLOT_BASE": 0}, block)
    assert grader == {"backend": "bwrap", "uid_base": str(64000 + 2 * SLOTS_PER_PROCESS)}
    shifted = grader_config({"GRADER": {"uid_base": "70000"}, "WORKER_SLOT_BASE": 10_000}, block)
    assert shifted["uid_base"] == str(70000 + 2 * (10_000 + SLOTS_PER_PROCESS))
    block.release()
