"""How far this machine's own CPU scales from one busy process to two, for reading the speedups.

Two processes of pure CPU work (no I/O, no shared data) should do twice the work of one. On a
virtual machine whose cores are shared with other guests they often do less, and by how much
changes from minute to minute. The benchmarks measure this beside each round of a worker
speedup and print it as context: a grading speedup can't exceed what the cores give.
"""

from __future__ import annotations

import multiprocessing
import time

SECONDS = 1.0  # per measurement, long enough for the scheduler to spread the processes


def _spin(seconds: float, counts: multiprocessing.Queue) -> None:
    end = time.perf_counter() + seconds
    loops = 0
    while time.perf_counter() < end:
        for _ in range(1000):
            pass
        loops += 1
    counts.put(loops)


def work_rate(processes: int, seconds: float = SECONDS) -> float:
    """Loops per second done by `processes` busy processes together."""
    context = multiprocessing.get_context("fork")
    counts = context.Queue()
    workers = [context.Process(target=_spin, args=(seconds, counts)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    total = sum(counts.get() for _ in workers)
    for worker in workers:
        worker.join()
    return total / seconds


def cpu_speedup() -> float:
    """The work of two busy processes over that of one, measured now."""
    one = work_rate(1)
    return work_rate(2) / one


def describe(speedups: list[float]) -> str:
    return ("# this machine's CPU, 2 busy processes over 1, by round: "
            + ", ".join(f"{value:.2f}" for value in speedups) + " (a grading speedup can't exceed it)")
