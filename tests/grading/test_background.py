"""Do background tasks reuse idle threads, and does a failing task leave its thread serving?"""

from __future__ import annotations

import logging
import threading
import time

from gradekit.background import BackgroundThreads


def wait_idle(threads: BackgroundThreads) -> None:
    """A thread counts itself idle just after its task; wait for that (bounded)."""
    deadline = time.monotonic() + 5
    while threads.idle == 0:
        assert time.monotonic() < deadline, "no background thread became idle"
        time.sleep(0.001)


def test_a_task_handed_to_an_idle_thread_starts_no_new_one():
    """Do tasks run one after another reuse the one thread that ran the first?"""
    threads = BackgroundThreads("test")
    ran_on = []
    for _ in range(5):
        task = threads.submit(lambda: ran_on.append(threading.current_thread().name))
        task.join(5)
        assert not task.is_alive()
        wait_idle(threads)
    assert threads.started == 1
    assert len(set(ran_on)) == 1 and len(ran_on) == 5


def test_tasks_that_wait_run_side_by_side():
    """Does a task blocked on something get a thread of its own, so the next one is not held up?"""
    threads = BackgroundThreads("test")
    release = threading.Event()
    blocked = threads.submit(release.wait, 10)
    quick = threads.submit(lambda: None)
    quick.join(5)
    assert not quick.is_alive() and blocked.is_alive()
    release.set()
    blocked.join(5)
    assert not blocked.is_alive() and threads.started == 2


def test_a_failing_task_is_logged_and_its_thread_keeps_serving(caplog):
    """Is an exception in a task logged (not lost), and does the same thread take the next task?"""
    threads = BackgroundThreads("test")

    def fail() -> None:
        raise ValueError("broken pipe reader")

    with caplog.at_level(logging.ERROR, logger="gradekit.background"):
        threads.submit(fail).join(5)
    assert "broken pipe reader" in caplog.text
    wait_idle(threads)
    threads.submit(lambda: None).join(5)
    assert threads.started == 1
