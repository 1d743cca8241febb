"""How far this machine's own CPU scales from one busy process to two, for reading the speedups.

Two processes of pure CPU work (no I/O, no shared data) should do twice the work of one. On a
virtual machine whose cores are shared with other guests they often do less, and by how much
changes from minute to minute. `worker_rounds` measures this beside each round of a worker
speedup and prints it as context: a grading speedup can't exceed what the cores give.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import statistics
import threading
import time
from collections.abc import Callable

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


class BusyCores:
    """How many of this machine's cores were busy (running this machine's own work) over a span of time.

    Read beside a worker count's rate, it says how much CPU the workers had: one worker whose
    submission's processes overlap (harness and subject start together, the last pair is cleaned
    up during the next grading) keeps more than one core busy, and two workers can't get more
    than the machine's cores. Inside `with BusyCores() as cores:` the kernel's counters are
    sampled every SAMPLE seconds; `between` reads them over the span the rate was measured on
    (first claim to last report), so that waiting for the workers to start or for the last row to
    be seen is left out.

    Time the virtual machine's host gave to other guests while this one had work (steal) is not
    counted as busy: it is said apart, as the cores the host took.
    """

    SAMPLE = 0.1

    def __init__(self) -> None:
        self.samples: list[tuple[float, int, int]] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> BusyCores:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopped.set()
        self.thread.join()

    def _sample(self) -> None:
        while not self.stopped.is_set():
            with open("/proc/stat") as stat:
                # user nice system idle iowait irq softirq steal (guest time is inside user and nice)
                user, nice, system, _idle, _iowait, irq, softirq, steal = (
                    int(value) for value in stat.readline().split()[1:9])
            self.samples.append((time.time(), user + nice + system + irq + softirq, steal))
            self.stopped.wait(self.SAMPLE)

    def between(self, first: datetime.datetime, last: datetime.datetime) -> tuple[float, float]:
        """Busy cores, and cores the host took, from `first` to `last` (datetimes in UTC, as the rows store them)."""
        begin, end = (moment.replace(tzinfo=moment.tzinfo or datetime.UTC).timestamp() for moment in (first, last))
        inside = [sample for sample in self.samples if begin <= sample[0] <= end] or self.samples[-2:]
        (t0, busy0, steal0), (t1, busy1, steal1) = inside[0], inside[-1]
        ticks = os.sysconf("SC_CLK_TCK") * max(t1 - t0, 1e-9)
        return (busy1 - busy0) / ticks, (steal1 - steal0) / ticks

    @staticmethod
    def line(workers: int, rate: str, cores: tuple[float, float]) -> str:
        busy, stolen = cores
        return (f"# {workers} worker{'s' if workers > 1 else ''}: {rate}, "
                f"{busy:.2f} of {os.cpu_count()} cores busy, {stolen:.2f} taken by the host")


def cpu_speedup() -> float:
    """The work of two busy processes over that of one, measured now."""
    one = work_rate(1)
    return work_rate(2) / one


def worker_rounds(counts: list[int], measure: Callable[[int], float], rounds: int, what: str,
                  digits: int) -> dict[int, float]:
    """`measure(workers)` for each worker count, in rounds that take turns between the counts (so a
    drift in this machine's speed weighs on every count alike), beside this machine's own CPU
    speedup; prints both by round and gives each count's median."""
    measured: dict[int, list[float]] = {count: [] for count in counts}
    machine = []
    for _ in range(rounds):
        machine.append(cpu_speedup())
        for count, values in measured.items():
            values.append(measure(count))
    print("# this machine's CPU, 2 busy processes over 1, by round: "
          + ", ".join(f"{value:.2f}" for value in machine) + " (a grading speedup can't exceed it)")
    print(f"# {what} by round: " + "; ".join(
        f"{count} worker{'s' if count > 1 else ''}: {', '.join(f'{value:.{digits}f}' for value in values)}"
        for count, values in measured.items()), flush=True)
    return {count: statistics.median(values) for count, values in measured.items()}
