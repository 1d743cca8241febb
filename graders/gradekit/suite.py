"""The `suite` fixture of the `pytest` kind: run the learner's tests against versions of the code under test.

Harness side. The learner writes tests; hidden tests judge them by running them against the correct
code (they must all pass) and against faulty versions, the "mutants" (each must make at least one
test fail). The runs happen in the subject (`gradekit.kinds.testsuite`); the verdicts happen here.

The tests folder holds `mutants.toml`:

    target = "cart.py"            # the code under test; data/cart.py is the correct version

    [[mutants]]
    description = "a version that forgets the discount for exactly 100 items"
    find = "if count >= 100:"     # exactly once in the correct version ...
    replace = "if count > 100:"   # ... replaced by this

    [[mutants]]
    description = "a version that never raises for a negative price"
    file = "mutants/no_check.py"  # or the whole faulty file, relative to the tests folder

    [[alternatives]]
    description = "a version that keeps the cart's lines in a list of tuples"
    file = "alternatives/tuples.py"   # another correct version, written differently (or find/replace)

Descriptions are what the learner reads about a mutant that survived, or about a correct
alternative their tests reject; never its code. The learner's tests must pass against every
alternative as against the correct version: a test that checks how the code is written (its
bytecode, its names, its source) rather than what it does rejects them, and so catches nothing.
The alternatives run right after the correct version, before any mutant; why one was rejected
is said in fixed words (the learner's test names and output could carry how it is written).

Runs must not talk to each other: the subject puts the sandbox back after each run and names what it
could not put back (`gradekit.runstate`); no such run passes or catches anything. Nothing a
run after the first prints reaches the learner: by then the learner's tests have met the mutants.
"""

from __future__ import annotations

import ast
import hashlib
import random
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from gradekit.remote import Connection

CONFIG = "mutants.toml"
REPLY_GRACE = 15.0  # seconds the harness waits for a run's reply beyond the run's own time limit
# What a run may leave that the subject could not put back, as the learner reads it.
LEFTOVERS = {"processes": "processes", "files": "files", "keyrings": "keys in a kernel keyring",
             "ipc": "System V shared memory, semaphores or message queues",
             "settings": "changed priorities or resource limits of the grader's processes"}


class AuthorError(Exception):
    """The exercise's mutants.toml or correct version is wrong (the author's mistake, not the learner's)."""


@dataclass(frozen=True)
class Version:
    """A version of the code under test other than the correct one, and the sentence that describes
    it to the learner."""

    number: int
    description: str
    source: str

    def __repr__(self) -> str:  # parametrize ids and reprs never show the version's code
        return f"{type(self).__name__}({self.number})"


class Mutant(Version):
    """A faulty version: the learner's tests must fail against it."""


class Alternative(Version):
    """Another correct version, written differently: the learner's tests must pass against it."""


V = TypeVar("V", bound=Version)


@dataclass(frozen=True)
class Config:
    target: str  # the module file name, e.g. "cart.py"
    correct: str  # the correct version's source
    mutants: tuple[Mutant, ...]
    alternatives: tuple[Alternative, ...] = ()

    @property
    def module(self) -> str:
        return self.target.removesuffix(".py")


def _data_folder(tests_dir: Path) -> Path:
    """The data folder beside the tests folder (`/grader/data` in the harness, `data/` in an exercise)."""
    return tests_dir.parent / "data"


def load_config(tests_dir: str | Path, data_dir: str | Path | None = None) -> Config:
    """Read `mutants.toml` and build every mutant from the correct version; raise AuthorError when it is wrong."""
    folder = Path(tests_dir)
    if folder.is_file():
        folder = folder.parent
    path = folder / CONFIG
    if not path.is_file():
        raise AuthorError(f"{path.name} is missing from the tests folder; it names the code under test and its mutants")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise AuthorError(f"{CONFIG}: {exc}") from None
    target = data.get("target")
    if not isinstance(target, str) or not target.endswith(".py") or not target[:-3].isidentifier():
        raise AuthorError(f'{CONFIG}: `target` must name the code under test, e.g. target = "cart.py"')
    correct_path = Path(data_dir) / target if data_dir is not None else _data_folder(folder) / target
    if not correct_path.is_file():
        raise AuthorError(f"{CONFIG}: the correct version {target} is not in the exercise's data folder")
    correct = correct_path.read_text(encoding="utf-8")
    _compiles(correct, f"the correct version of {target}")
    mutants = _versions(data, "mutants", "mutant", folder, target, correct, Mutant)
    alternatives = _versions(data, "alternatives", "alternative", folder, target, correct, Alternative)
    return Config(target, correct, tuple(mutants), tuple(alternatives))


def _versions(data: dict[str, Any], key: str, what: str, folder: Path, target: str, correct: str,
              kind: type[V]) -> list[V]:
    """The versions of `target` listed under `key` ([[mutants]] or [[alternatives]]), each a whole
    file or the correct version with one piece replaced."""
    versions = []
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise AuthorError(f"{CONFIG}: `{key}` must be an array of tables ([[{key}]])")
    for number, entry in enumerate(entries, 1):
        where = f"{CONFIG}: {what} {number}"
        description = entry.get("description") if isinstance(entry, dict) else None
        if not isinstance(description, str) or not description.strip():
            raise AuthorError(f"{where} needs a `description` the learner can read")
        if "file" in entry:
            path = folder / str(entry["file"])
            if not path.is_file():
                raise AuthorError(f"{where}: file {entry['file']} not found in the tests folder")
            source = path.read_text(encoding="utf-8")
        else:
            find, replace = entry.get("find"), entry.get("replace")
            if not isinstance(find, str) or not isinstance(replace, str) or not find:
                raise AuthorError(f"{where} needs `find` and `replace` (or `file`)")
            count = correct.count(find)
            if count != 1:
                raise AuthorError(f"{where}: `find` must occur exactly once in {target}, found {count} times")
            source = correct.replace(find, replace)
        if source == correct:
            raise AuthorError(f"{where} is the same as the correct version")
        _compiles(source, f"{what} {number}")
        versions.append(kind(number, description.strip(), source))
    return versions


def _compiles(source: str, what: str) -> None:
    try:
        compile(source, what, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise AuthorError(f"{what} has a syntax error: {exc}") from None


def mutants(test_file: str | Path) -> list[Mutant]:
    """The mutants beside `test_file`, for `@pytest.mark.parametrize("mutant", mutants(__file__))`."""
    return list(load_config(Path(test_file).parent).mutants)


@dataclass(frozen=True)
class Failure:
    name: str
    message: str


@dataclass(frozen=True)
class RunResult:
    """One run of the learner's tests against one version of the code."""

    collected: int
    passed: tuple[str, ...] = ()
    failed: tuple[Failure, ...] = ()
    errors: tuple[Failure, ...] = ()
    skipped: tuple[str, ...] = ()
    exit_code: int | None = None
    timed_out: bool = False
    finished: bool = True
    output: str = ""
    timeout: float = 0.0
    names: tuple[str, ...] = field(default=())
    leftover: tuple[str, ...] = ()  # what the run left that could not be put back (LEFTOVERS)

    @classmethod
    def from_reply(cls, reply: Any, timeout: float) -> RunResult:
        if not isinstance(reply, dict):
            return cls(collected=0, finished=False, output="(the run returned nothing readable)", timeout=timeout)

        def items(key: str) -> list[Any]:
            found = reply.get(key)
            return found if isinstance(found, list) else []

        def failures(key: str) -> tuple[Failure, ...]:
            return tuple(Failure(str(i.get("name", "")), str(i.get("message", ""))) for i in items(key)
                         if isinstance(i, dict))

        def names(key: str) -> tuple[str, ...]:
            return tuple(str(i) for i in items(key))

        code = reply.get("exit_code")
        collected = reply.get("collected")
        passed, failed, skipped = names("passed"), failures("failed"), names("skipped")
        return cls(
            collected=collected if isinstance(collected, int) and collected >= 0 else 0,
            passed=passed, failed=failed, errors=failures("errors"), skipped=skipped,
            exit_code=code if isinstance(code, int) and not isinstance(code, bool) else None,
            timed_out=reply.get("timed_out") is True, finished=reply.get("finished") is True,
            output=str(reply.get("output", ""))[:4000], timeout=timeout,
            names=(*passed, *(f.name for f in failed), *skipped),
            leftover=tuple(dict.fromkeys(LEFTOVERS.get(str(i), "something") for i in items("leftover"))),
        )

    @property
    def ok(self) -> bool:
        """Every collected test passed (or was skipped), pytest finished cleanly and left nothing behind."""
        return (self.finished and not self.timed_out and self.exit_code == 0 and self.collected > 0
                and not self.failed and not self.errors and not self.leftover)

    @property
    def caught(self) -> bool:
        """At least one test failed or errored, or the run did not finish (a hang or a crash counts as caught);
        never for a run that left something behind, since its failures may have come from an earlier run."""
        if self.leftover:
            return False
        if self.failed or self.errors or self.timed_out:
            return True
        return self.exit_code not in (0, 5) or not self.finished

    def problem(self, target: str) -> str:
        """Why this run against the correct version is not a pass, for the learner."""
        if self.leftover:
            left = "; ".join(self.leftover)
            return (f"Your tests left something behind that the grader could not take away ({left}), "
                    "so a later run could depend on it. Each run must start from nothing: keep what a test makes "
                    "in `tmp_path`, and let every process it starts end with it.")
        if self.timed_out:
            return (f"Your tests did not finish within {self.timeout:g} s against the correct {target}; "
                    "look for an endless loop, a real sleep or a test waiting for input.")
        if self.errors and not self.collected:
            first = self.errors[0]
            return (f"pytest could not collect your tests: {first.message or 'see the output below'}\n"
                    f"\npytest's output:\n{self.output}")
        if not self.finished and not self.failed:
            return ("Your tests stopped before pytest could report (did a test call os._exit() or crash the "
                    f"interpreter?).\n\npytest's output:\n{self.output}")
        if self.collected == 0:
            return ("pytest collected no tests from your file: name each test function `test_...` at the top level "
                    "of the file (or as a method of a class named `Test...`), then run the examples again.")
        broken = [*self.failed, *self.errors]
        lines = "\n".join(f"- {f.name}: {_one_line(f.message) or 'failed'}" for f in broken[:8])
        more = f"\n(and {len(broken) - 8} more)" if len(broken) > 8 else ""
        return (f"Your tests fail against the correct {target}, so they would reject working code "
                f"({len(broken)} of {self.collected} failed):\n{lines}{more}\n"
                "Check what these tests expect against the code and its description.\n"
                f"\npytest's output:\n{self.output}")

    def summary(self) -> str:
        """Why this run is not a pass in a few fixed words, with nothing of what the learner's code wrote."""
        if self.leftover:
            return "they left something behind that the grader could not take away"
        if self.timed_out:
            return "they did not finish in time"
        if self.errors and not self.collected:
            return "pytest could not collect them"
        if not self.finished and not self.failed:
            return "they stopped before pytest could report"
        return "pytest collected no tests" if self.collected == 0 else "some of them failed"


def _one_line(text: str, limit: int = 200) -> str:
    """A failure's first line, with pytest's `+  where ...` explanations but not its diffs."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    wheres = [line.lstrip("+ ").strip() for line in lines[1:] if line.startswith("+") and "where" in line[:12]]
    line = lines[0] + (f" ({'; '.join(wheres[:2])})" if wheres else "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


class Suite:
    """The `suite` fixture: the learner's tests, run against the correct version and the mutants."""

    def __init__(self, connection: Connection, tests_dir: Path, data_dir: Path, cache: dict[str, Any]) -> None:
        self._connection = connection
        self._tests_dir = tests_dir
        self._data_dir = data_dir
        self._cache = cache

    def __repr__(self) -> str:
        return "suite"

    @property
    def config(self) -> Config:
        key = f"config:{self._tests_dir}"
        if key not in self._cache:
            self._cache[key] = load_config(self._tests_dir, self._data_dir)
        config: Config = self._cache[key]
        return config

    @property
    def target(self) -> str:
        return self.config.target

    @property
    def mutants(self) -> tuple[Mutant, ...]:
        return self.config.mutants

    def run(self, source: str, what: str = "running your tests", again: bool = False) -> RunResult:
        """Run the learner's tests with `source` as the code under test (each source runs once per grading,
        or once more with `again`)."""
        key = "run:" + hashlib.sha256(source.encode()).hexdigest() + (":again" if again else "")
        if key not in self._cache:
            timeout = self._connection.call_timeout
            message = {"op": "suite.run", "module": self.config.module, "source": source, "timeout": timeout}
            reply = self._connection.ask(message, what, timeout=timeout + REPLY_GRACE)
            self._cache[key] = RunResult.from_reply(reply, timeout)
        result: RunResult = self._cache[key]
        return result

    @property
    def alternatives(self) -> tuple[Alternative, ...]:
        return self.config.alternatives

    def correct(self) -> RunResult:
        """The run against the correct version; the first time, the runs against its alternatives follow
        at once, so that they too come before any mutant."""
        result = self.run(self.config.correct, f"running your tests against the correct {self.target}")
        for alternative in self.alternatives:
            self.alternative(alternative)
        return result

    def alternative(self, alternative: Alternative) -> RunResult:
        return self.run(alternative.source, f"running your tests against another correct {self.target}")

    def against(self, mutant: Mutant) -> RunResult:
        return self.run(mutant.source, "running your tests against a faulty version")

    def correct_again(self) -> RunResult:
        """The correct version once more, run at a random place among the mutants (see `run_all`)."""
        self.run_all()
        return self.run(self.config.correct, f"running your tests against the correct {self.target}", again=True)

    def run_all(self) -> None:
        """Run the correct version, then every mutant and the correct version once more, in a random order.

        A suite that passes only its first run, or counts its runs, fails the second correct run.
        """
        if "all" in self._cache:
            return
        self.correct()
        order: list[Mutant | None] = [*self.mutants, None]
        random.SystemRandom().shuffle(order)
        for mutant in order:
            if mutant is None:
                self.run(self.config.correct, f"running your tests against the correct {self.target}", again=True)
            else:
                self.against(mutant)
        self._cache["all"] = True

    def sources(self) -> dict[str, str]:
        """The learner's test files as text, for checks on how the tests are written."""
        key = "sources"
        if key not in self._cache:
            self._cache[key] = dict(self._connection.ask({"op": "suite.sources"}, "reading your test files"))
        found: dict[str, str] = self._cache[key]
        return found

    def identifiers(self) -> set[str]:
        """Names the learner's code uses, comments and strings left out: `pytest.raises`, `tmp_path`, ...

        Dotted chains appear whole and by each prefix (`pytest.mark.parametrize`, `pytest.mark`,
        `pytest`); function parameters appear by name, so a test asking for `tmp_path` is seen.
        """
        found: set[str] = set()
        for text in self.sources().values():
            try:
                tree = ast.parse(text)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Name):
                    found.add(node.id)
                elif isinstance(node, ast.Attribute):
                    parts, inner = [node.attr], node.value
                    while isinstance(inner, ast.Attribute):
                        parts.append(inner.attr)
                        inner = inner.value
                    if isinstance(inner, ast.Name):
                        parts.append(inner.id)
                        found.add(".".join(reversed(parts)))
                elif isinstance(node, ast.arg):
                    found.add(node.arg)
                elif isinstance(node, ast.alias):
                    found.add(node.asname or node.name)
                elif isinstance(node, ast.ImportFrom) and node.module:
                    found.update(f"{node.module}.{alias.name}" for alias in node.names)
        return found

    # verdicts ------------------------------------------------------------------------------------

    def assert_passes(self) -> RunResult:
        """Fail unless the learner's tests collect at least one test and all pass against the correct version
        and against every alternative correct version."""
        result = self.correct()
        if not result.ok:
            pytest.fail(result.problem(self.target), pytrace=False)
        rejected = self._rejected_alternative()
        if rejected is not None:  # in fixed words: names and output could carry how the alternative is written
            alternative, other = rejected
            pytest.fail(f"Your tests reject another correct version of {self.target}, {alternative.description} "
                        f"({other.summary()}), so they would reject working code. Test what the code does "
                        "(what it returns, what it raises, what it changes), not how it is written.", pytrace=False)
        return result

    def _rejected_alternative(self) -> tuple[Alternative, RunResult] | None:
        """The first alternative correct version the learner's tests do not pass, with its run."""
        for alternative in self.alternatives:
            run = self.alternative(alternative)
            if not run.ok:
                return alternative, run
        return None

    def assert_catches(self, mutant: Mutant) -> None:
        """Fail unless the tests pass on the correct version and at least one fails against `mutant`."""
        self._require_correct()
        if not self.against(mutant).caught:
            caught = sum(self.against(m).caught for m in self.mutants)
            pytest.fail(f"Not caught: {mutant.description}. All your tests pass against it; add a test that this "
                        f"version fails. (Your tests catch {caught} of {len(self.mutants)} faulty versions.)",
                        pytrace=False)

    def assert_catches_all(self) -> None:
        """Fail unless every mutant is caught, listing those that survived."""
        self._require_correct()
        missed = [m for m in self.mutants if not self.against(m).caught]
        if missed:
            caught = len(self.mutants) - len(missed)
            listed = "; ".join(m.description for m in missed)
            pytest.fail(f"{caught} of {len(self.mutants)} faulty versions were caught; not caught: {listed}.",
                        pytrace=False)

    def _require_correct(self) -> None:
        result = self.correct()
        if result.ok and self._rejected_alternative() is not None:
            pytest.fail(f"First make your tests pass against every correct version of {self.target} (see the check "
                        "on the correct version): a test that rejects working code written differently says "
                        "nothing about faulty versions.", pytrace=False)
        if result.ok:
            again = self.correct_again()
            if again.ok:
                return
            pytest.fail(f"Your tests passed against the correct {self.target} once, but not when they ran against it "
                        f"again later ({again.summary()}): each run must start from nothing, with no file, process "
                        "or other state left by an earlier run deciding the result.", pytrace=False)
        if result.finished and result.collected == 0 and not result.errors:
            pytest.fail("First write tests: pytest found none in your file, so no faulty version can be caught.",
                        pytrace=False)
        pytest.fail(f"First make your tests pass against the correct {self.target} (see the check on the correct "
                    "version): a test that fails on working code says nothing about faulty versions.", pytrace=False)
