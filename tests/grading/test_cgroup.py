"""Are the control groups a killed grading process left behind removed, and never one in use?
Does turning on favordynmods keep every other option of the host's cgroup2 mount?"""

from __future__ import annotations

import ctypes
import os
import subprocess
import time
from pathlib import Path

import pytest
from gradekit.sandbox.cgroup import FAVOR_MIGRATIONS, CgroupSet, cgroup2_mounts, favor_migrations, remount_options


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


MOUNTINFO = "\n".join([
    "25 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda rw",
    "31 25 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 "
    "rw,nsdelegate,memory_recursiveprot",
    "40 31 0:37 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
])


def test_the_remount_gives_back_every_option_the_mount_had():
    """Are the mount's own flags and its hierarchy's options all given again, favordynmods added once?"""
    ((point, mount_options, super_options),) = cgroup2_mounts(MOUNTINFO)
    assert point == "/sys/fs/cgroup"
    flags, data = remount_options(mount_options, super_options)
    ms_remount, ms_nosuid, ms_nodev, ms_noexec, ms_relatime = 32, 2, 4, 8, 1 << 21
    assert flags == ms_remount | ms_nosuid | ms_nodev | ms_noexec | ms_relatime
    assert data == "nsdelegate,memory_recursiveprot,favordynmods"
    assert remount_options(["rw"], ["rw", FAVOR_MIGRATIONS])[1] == FAVOR_MIGRATIONS


def _cgroup2() -> tuple[str, list[str], list[str]]:
    mounts = cgroup2_mounts(Path("/proc/self/mountinfo").read_text())
    if os.geteuid() != 0 or not mounts:
        pytest.skip("SKIPPED: remounting the cgroup2 hierarchy needs root and one mounted, absent here")
    return mounts[0]


def test_favor_migrations_turns_the_option_on_and_changes_nothing_else():
    """Is favordynmods on afterwards (from off), with every other option as it was, and is a second call a no-op?"""
    point, mount_options, super_options = _cgroup2()
    flags, data = remount_options(mount_options, super_options)
    off = ",".join(option for option in data.split(",") if option != FAVOR_MIGRATIONS)
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.mount(b"cgroup2", point.encode(), b"cgroup2", flags, off.encode()) == 0, os.strerror(ctypes.get_errno())
    _, _, before = _cgroup2()
    assert FAVOR_MIGRATIONS not in before
    assert favor_migrations() == f"{point}: {FAVOR_MIGRATIONS} turned on"
    _, mount_after, super_after = _cgroup2()
    assert sorted(super_after) == sorted([*before, FAVOR_MIGRATIONS])
    assert sorted(mount_after) == sorted(mount_options)
    assert favor_migrations() == f"{point}: {FAVOR_MIGRATIONS} already on"
