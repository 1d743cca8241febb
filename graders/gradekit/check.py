"""`learnpath check`: validate exercises — format, reference passes, starter fails, kept variants get the
verdict their name promises, nothing hidden reachable."""

from __future__ import annotations

import json
import os
import queue
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from gradekit.errors import GradekitError, SpecError
from gradekit.grade import grade
from gradekit.kinds import get_kind
from gradekit.pair import PairKey, subject_files
from gradekit.pool import WarmPool
from gradekit.sandbox import WORK_DIR, SandboxSpec, get_backend
from gradekit.settings import Settings
from gradekit.spec import Exercise, load_exercise

# Looks for the exercise's hidden material from inside a subject sandbox.
PROBE = """
import json, os, sys
names, secrets, roots = json.loads(sys.argv[1])
found = [p for p in roots if os.path.exists(p)]
skip = ("/usr", "/proc", "/sys", "/dev", sys.prefix)
for top, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if not os.path.join(top, d).startswith(skip)]
    for name in files:
        path = os.path.join(top, name)
        if name in names:
            found.append(path)
        try:
            with open(path, "rb") as handle:
                data = handle.read(1 << 20)
        except OSError:
            continue
        found += [path for secret in secrets if secret and secret.encode() in data]
print(json.dumps(sorted(set(found))))
"""


@dataclass
class CheckResult:
    """What `check` found for one exercise folder."""

    path: Path
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def find_exercises(paths: Iterable[str | Path]) -> list[Path]:
    """Exercise folders (holding exercise.toml) at or below each path."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw).resolve()
        if (path / "exercise.toml").is_file():
            found.add(path)
        elif path.is_dir():
            found.update(p.parent for p in path.rglob("exercise.toml"))
    return sorted(found)


def probe_hidden(exercise: Exercise, settings: Settings) -> list[str]:
    """Paths inside a subject sandbox where hidden tests or the solution could be read."""
    hidden = [p for p in exercise.test_files() if p.name not in exercise.visible_tests]
    starter = exercise.starter_files()
    solution = exercise.solution_files()
    secrets = [text.strip() for name, text in solution.items() if text.strip() != starter[name].strip()]
    secrets += [p.read_text(encoding="utf-8").strip() for p in hidden]
    roots = [str(exercise.path), str(exercise.tests_dir), "/grader"]
    names = [p.name for p in hidden]
    config = json.dumps([names, [s[:4000] for s in secrets], roots])
    spec = SandboxSpec(role="subject", argv=[settings.python, "-I", "-B", "-c", PROBE, config],
                       limits=exercise.limits, files=subject_files(exercise, starter),
                       env={"PATH": "/usr/bin:/bin", "HOME": WORK_DIR})
    run = get_backend(settings).start(spec)
    try:
        if run.wait(exercise.limits.timeout * 3) is None:
            return ["(the probe did not finish)"]
        output = run.outcome().output.strip().splitlines()
        return list(json.loads(output[-1])) if output else ["(the probe printed nothing)"]
    finally:
        run.cleanup()


def check_exercise(path: Path, settings: Settings, pool: WarmPool | None = None) -> CheckResult:
    """Check one exercise; its gradings go through `pool` (warm, as the server grades) when given."""
    result = CheckResult(path)
    try:
        exercise = load_exercise(path)
    except SpecError as exc:
        result.problems.append(str(exc))
        return result
    if pool is not None:
        key = PairKey.of(exercise)
        forked = pool.uses_fork_server(key)
        if forked or pool.parts(key) > 1:  # a fork server, or warm pairs its tests are spread over
            pool.prepare(key)
            pool.wait_ready(key, every=not forked)
        else:
            pool = None  # a started pair serves one grading; no faster than a cold one here
    solution = grade(exercise, exercise.solution_files(), settings, pool=pool)
    if solution["status"] != "pass" or solution["score"] != solution["max_score"]:
        failing = [f"{t['name']}: {t['message']}" for t in solution["tests"] if t["status"] != "pass"]
        detail = "; ".join(failing[:3]) or solution["message"]
        result.problems.append(f"{path}/solution: the reference solution must get full marks, got "
                               f"{solution['status']} {solution['score']}/{solution['max_score']} ({detail})")
    if not any(t["visible"] for t in solution["tests"]):
        result.problems.append(f"{path}/exercise.toml: `visible_tests` names no test that ran; "
                               "add example tests the learner can run")
    if all(t["visible"] for t in solution["tests"]):
        result.problems.append(f"{path}/tests: no hidden test ran; add hidden tests beside the visible ones")
    starter = grade(exercise, exercise.starter_files(), settings, pool=pool)
    if starter["status"] == "pass":
        result.problems.append(f"{path}/starter: the starter passes every test; leave the work to the learner")
    if starter["status"] == "error":
        result.problems.append(f"{path}/starter: grading the starter failed: {starter['message']}")
    result.problems += check_variants(exercise, settings, pool)
    reachable = probe_hidden(exercise, settings)
    if reachable:
        result.problems.append(f"{path}: hidden material is readable from the learner's sandbox at {reachable}")
    return result


def check_variants(exercise: Exercise, settings: Settings, pool: WarmPool | None = None) -> list[str]:
    """Grade each kept variant: `pass-*` must get full marks, `fail-*` must not pass."""
    problems = []
    for name, files in exercise.variants().items():
        where = f"{exercise.path}/variants/{name}"
        if not name.startswith(("pass-", "fail-")):
            problems.append(f"{where}: a variant's folder name starts with pass- or fail-; rename it")
            continue
        report = grade(exercise, files, settings, pool=pool)
        if report["status"] == "error":
            problems.append(f"{where}: grading failed: {report['message']}")
        elif name.startswith("pass-") and report["score"] != report["max_score"]:
            failing = [f"{t['name']}: {t['message']}" for t in report["tests"] if t["status"] != "pass"]
            problems.append(f"{where}: a correct variant must get full marks, got {report['score']}/"
                            f"{report['max_score']} ({'; '.join(failing[:3]) or report['message']}); "
                            "the tests reject a correct solution")
        elif name.startswith("fail-") and report["status"] == "pass":
            problems.append(f"{where}: a wrong variant passed every test; add a test that catches it")
    return problems


def check_all(paths: Iterable[Path], settings: Settings, workers: int,
              progress: Callable[[CheckResult, int, int], None]) -> list[CheckResult]:
    """Check exercises in parallel; each concurrent check gets its own sandbox slot (and uids).

    Exercises of paced kinds (their tests wait on simulated devices and peers) run in a lane of
    their own beside the `workers` busy with the rest, so their waiting overlaps other work.
    Gradings of forkable kinds go through one warm pool of fork servers (its own slots), so an
    exercise pays for warm templates once and each of its gradings is forked, as on the server.
    """
    folders = list(paths)
    base, concurrent = settings.slot + 100, 2 * workers  # both lanes
    slots: queue.Queue[int] = queue.Queue()
    for slot in range(base, base + concurrent):
        slots.put(slot)
    warm = WarmPool(settings, size=1, max_keys=concurrent + workers, slot_base=base + concurrent)

    def one(folder: Path) -> CheckResult:
        slot = slots.get()
        try:
            return check_exercise(folder, Settings(**{**settings.__dict__, "slot": slot}), warm)
        except GradekitError as exc:
            return CheckResult(folder, [f"{folder}: {exc}"])
        finally:
            slots.put(slot)

    results = []
    try:
        with ThreadPoolExecutor(max_workers=workers) as busy, ThreadPoolExecutor(max_workers=workers) as paced:
            futures = [(paced if is_paced(folder) else busy).submit(one, folder) for folder in folders]
            for future in as_completed(futures):
                results.append(future.result())
                progress(results[-1], len(results), len(folders))
    finally:
        warm.close()
    return sorted(results, key=lambda r: r.path)


def is_paced(folder: Path) -> bool:
    """Whether the exercise at `folder` is of a paced kind (its tests mostly wait on simulated time)."""
    try:
        return get_kind(load_exercise(folder).kind).paced
    except GradekitError:
        return False  # check_exercise reports what is wrong with it


def print_progress(result: CheckResult, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    bar = "#" * filled + "-" * (width - filled)
    mark = "ok" if result.ok else "FAILED"
    line = f"[{bar}] {done}/{total} {result.path.parent.name}/{result.path.name}: {mark}"
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K" + line + ("\n" if done == total else ""))
    else:
        sys.stderr.write(line + "\n")
    sys.stderr.flush()


def check_command(paths: list[str], settings: Settings | None = None, workers: int | None = None) -> int:
    """Validate exercises; print problems and a summary; return 0 when all are fine, 1 otherwise."""
    folders = find_exercises(paths or ["exercises"])
    if not folders:
        print(f"error: no exercise.toml found under {' '.join(paths) or 'exercises'}", file=sys.stderr)
        return 2
    workers = workers or max(1, min(len(folders), os.cpu_count() or 1))
    results = check_all(folders, settings or Settings(), workers, print_progress)
    failed = [r for r in results if not r.ok]
    for result in failed:
        for problem in result.problems:
            print(f"✗ {problem}")
    print(f"{len(results) - len(failed)} of {len(results)} exercises ok" + (f", {len(failed)} with problems"
                                                                            if failed else ""))
    return 1 if failed else 0
