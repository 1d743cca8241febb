"""Are the control groups a killed grading process left behind removed, and never one in use?"""

from __future__ import annotations

import os
import subprocess
import time

import pytest
from gradekit.sandbox.cgroup import CgroupSet


@pytest.fixture
def groups():
    made: list[CgroupSet] = []

    def make() -> CgroupSet:
        group = CgroupSet.create(64 * 1024 * 1024, 8)
        if group is None:
            pytest.skip("SKIPPED: cgroups need root and a writable cgroup tree, absent here")
        made.append(group)
        return group

    yield make
    for group in made:
        group.destroy()


def test_sweep_removes_empty_groups_and_keeps_groups_in_use(groups):
    """Does a sweep remove an abandoned (empty) group but keep one a process is running in?"""
    abandoned, in_use = groups(), groups()
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        for procs in in_use.procs_files:
            with open(procs, "w") as stream:
                stream.write(str(sleeper.pid))
        an_hour_ago = time.time() - 3600
        for path in [*abandoned.dirs.values(), *in_use.dirs.values()]:
            os.utime(path, (an_hour_ago, an_hour_ago))
        assert CgroupSet.sweep() >= len(abandoned.dirs)
        assert not any(path.exists() for path in abandoned.dirs.values())
        assert all(path.exists() for path in in_use.dirs.values())
        assert in_use.pids() == {sleeper.pid}
    finally:
        sleeper.kill()
        sleeper.wait()


def test_sweep_keeps_young_groups(groups):
    """Is a group just created (its run has not joined it yet) left alone by a normal sweep?"""
    young = groups()
    CgroupSet.sweep()
    assert all(path.exists() for path in young.dirs.values())


def run_in(group: CgroupSet, code: str) -> int:
    """Run Python `code` inside `group` (it joins every controller's group first); its exit code."""
    join = "".join(f"open({procs!r}, 'w').write('0')\n" for procs in group.procs_files)
    return subprocess.run(["python3", "-c", join + code], capture_output=True).returncode


def test_a_renewed_group_counts_the_memory_verdict_afresh(groups):
    """Does a fork server's group, renewed after a memory bomb, judge the next run on its own?"""
    group = groups()
    assert run_in(group, "x = bytearray(200 * 1024 * 1024)") != 0
    assert group.memory_exceeded()
    assert group.kill_all()
    assert group.renew()
    assert not group.memory_exceeded()
    assert run_in(group, "x = bytearray(8 * 1024 * 1024)") == 0
    assert not group.memory_exceeded()


def test_a_group_a_process_outlived_its_run_in_is_not_renewed(groups):
    """Is a group that still holds a process refused for the next run until it is emptied?"""
    group = groups()
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        for procs in group.procs_files:
            with open(procs, "w") as stream:
                stream.write(str(sleeper.pid))
        assert not group.renew()
        assert group.kill_all()
        assert sleeper.wait(5) == -9
        assert group.renew()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_renewing_a_group_keeps_a_sweep_away(groups):
    """Is a group renewed for the next run (an idle fork server's) safe from a sweep of stale groups?"""
    group = groups()
    an_hour_ago = time.time() - 3600
    for path in group.dirs.values():
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert group.renew()
    CgroupSet.sweep()
    assert all(path.exists() for path in group.dirs.values())
