"""The authoring format: tracks (`tracks/<track>.toml`) and exercises (`exercises/<track>/<slug>/`)."""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradekit.errors import SpecError

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
FILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")
MAX_LEARNER_FILE_BYTES = 256 * 1024
# Modules the sandbox itself imports; a learner file with one of these names would replace them.
# Packages the kinds and the exercises import; a learner file of the same name would hide them.
RESERVED_MODULES = {
    "gradekit", "pytest", "serial", "pygame", "httpx", "starlette", "fastapi", "pydantic", "numpy", "pandas",
    "scipy", "sklearn", "joblib", "matplotlib", "sqlalchemy", "flask", "werkzeug", "jinja2", "nbformat",
    "nbclient", "ipykernel",
}


@dataclass(frozen=True)
class Limits:
    """Resource limits for one grading run; each hit becomes a verdict, never a crash."""

    timeout: float = 20.0  # wall-clock seconds for the whole run
    call_timeout: float = 5.0  # seconds one call into the learner's code may take
    cpu: float = 20.0  # CPU seconds per sandbox
    memory: int = 256  # MB per sandbox
    processes: int = 64  # processes and threads per sandbox
    output: int = 1024  # KB of stdout+stderr per sandbox
    disk: int = 64  # MB of the work folder

    @classmethod
    def from_table(cls, path: Path, table: dict[str, Any]) -> Limits:
        values: dict[str, Any] = {}
        for name, raw in table.items():
            if name not in cls.__dataclass_fields__:
                allowed = ", ".join(cls.__dataclass_fields__)
                raise SpecError(path, f"limits.{name}", f"is not a known limit; use one of {allowed}")
            default = getattr(cls(), name)
            if isinstance(raw, bool) or not isinstance(raw, int | float) or raw <= 0:
                unit = "seconds" if isinstance(default, float) else "a whole number"
                raise SpecError(path, f"limits.{name}", f"must be a positive number ({unit}), got {raw!r}")
            values[name] = type(default)(raw)
        return cls(**values)


@dataclass(frozen=True)
class Track:
    """A path of exercises for one career role."""

    slug: str
    title: str
    role: str
    summary: str
    exercises: tuple[str, ...]
    order: int = 100
    path: Path = field(default=Path("."), compare=False)


@dataclass(frozen=True)
class Exercise:
    """One exercise folder: statement, starter, reference solution and tests."""

    path: Path
    track: str
    slug: str
    title: str
    summary: str
    kind: str
    files: tuple[str, ...]
    visible_tests: tuple[str, ...]
    difficulty: int = 1
    skills: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    hints_after: int = 0
    requires: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.track}/{self.slug}"

    @property
    def tests_dir(self) -> Path:
        return self.path / "tests"

    @property
    def data_dir(self) -> Path:
        """Files copied read-only beside the learner's files (CSV, JSON, ...)."""
        return self.path / "data"

    def statement(self) -> str:
        return (self.path / "README.md").read_text(encoding="utf-8")

    def starter_files(self) -> dict[str, str]:
        return _read_files(self.path / "starter", self.files)

    def solution_files(self) -> dict[str, str]:
        return _read_files(self.path / "solution", self.files)

    def test_files(self) -> list[Path]:
        return sorted(p for p in self.tests_dir.glob("test_*.py") if p.is_file())

    def variants(self) -> dict[str, dict[str, str]]:
        """Other solutions the author keeps to prove the tests: `variants/pass-*` must get full
        marks, `variants/fail-*` must not pass. A variant holds only the files it changes; the
        others come from the starter."""
        folder = self.path / "variants"
        if not folder.is_dir():
            return {}
        found = {}
        for variant in sorted(p for p in folder.iterdir() if p.is_dir()):
            files = self.starter_files()
            files.update({name: (variant / name).read_text(encoding="utf-8")
                          for name in self.files if (variant / name).is_file()})
            found[variant.name] = files
        return found

    def data_files(self) -> list[Path]:
        if not self.data_dir.is_dir():
            return []
        return sorted(p for p in self.data_dir.iterdir() if p.is_file() and not p.is_symlink())


def _read_files(folder: Path, names: tuple[str, ...]) -> dict[str, str]:
    return {name: (folder / name).read_text(encoding="utf-8") for name in names}


def _load_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise SpecError(path, None, "is missing; create it (see docs/authoring.md)")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(path, None, f"is not valid TOML: {exc}") from exc


def _text(path: Path, data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if value is None:
        raise SpecError(path, name, f'is required; add a line like {name} = "..."')
    if not isinstance(value, str) or not value.strip():
        raise SpecError(path, name, f"must be a non-empty string, got {value!r}")
    return value.strip()


def _strings(path: Path, data: dict[str, Any], name: str, required: bool = False) -> tuple[str, ...]:
    if name not in data:
        if required:
            raise SpecError(path, name, f'is required; add a line like {name} = ["..."]')
        return ()
    value = data[name]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SpecError(path, name, f"must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _int(path: Path, data: dict[str, Any], name: str, default: int, low: int, high: int) -> int:
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SpecError(path, name, f"must be a whole number from {low} to {high}, got {value!r}")
    return value


EXERCISE_FIELDS = {
    "title", "summary", "kind", "files", "visible_tests", "difficulty", "skills", "hints",
    "hints_after", "requires", "limits", "options",
}


def load_exercise(folder: Path | str, kinds: frozenset[str] | None = None) -> Exercise:
    """Read and validate `exercises/<track>/<slug>/`; raise SpecError naming file, field and fix."""
    folder = Path(folder).resolve()
    toml_path = folder / "exercise.toml"
    data = _load_toml(toml_path)
    unknown = sorted(set(data) - EXERCISE_FIELDS)
    if unknown:
        raise SpecError(toml_path, unknown[0], f"is not a known field; use one of {sorted(EXERCISE_FIELDS)}")
    slug, track = folder.name, folder.parent.name
    for what, value in (("exercise folder", slug), ("track folder", track)):
        if not SLUG.match(value):
            raise SpecError(folder, None, f"{what} name {value!r} must be lowercase letters, digits and dashes")
    if kinds is None:
        from gradekit.kinds import registered_kinds

        kinds = registered_kinds()
    kind = _text(toml_path, data, "kind")
    if kind not in kinds:
        raise SpecError(toml_path, "kind", f"is {kind!r}, which is not a known kind; use one of {sorted(kinds)}")
    files = _strings(toml_path, data, "files", required=True)
    for name in files:
        if not FILE_NAME.match(name):
            raise SpecError(toml_path, "files", f"entry {name!r} must be a plain file name (no folders)")
        stem = name.rsplit(".", 1)[0]
        if name.endswith(".py") and (stem in sys.stdlib_module_names or stem in RESERVED_MODULES):
            raise SpecError(toml_path, "files", f"entry {name!r} would hide Python's own `{stem}` module; "
                                                f"rename it (for example {stem}_tools.py)")
    visible = _strings(toml_path, data, "visible_tests")
    limits_table = data.get("limits", {})
    options = data.get("options", {})
    for name, table in (("limits", limits_table), ("options", options)):
        if not isinstance(table, dict):
            raise SpecError(toml_path, name, f"must be a table ([{name}]), got {table!r}")
    exercise = Exercise(
        path=folder,
        track=track,
        slug=slug,
        title=_text(toml_path, data, "title"),
        summary=_text(toml_path, data, "summary"),
        kind=kind,
        files=files,
        visible_tests=visible,
        difficulty=_int(toml_path, data, "difficulty", 1, 1, 5),
        skills=_strings(toml_path, data, "skills"),
        hints=_strings(toml_path, data, "hints"),
        hints_after=_int(toml_path, data, "hints_after", 0, 0, 100),
        requires=_strings(toml_path, data, "requires"),
        limits=Limits.from_table(toml_path, limits_table),
        options=dict(options),
    )
    _check_folders(exercise)
    return exercise


def _check_folders(exercise: Exercise) -> None:
    folder = exercise.path
    if not (folder / "README.md").is_file():
        raise SpecError(folder / "README.md", None, "is missing; write the statement there in Markdown")
    for part in ("starter", "solution"):
        for name in exercise.files:
            path = folder / part / name
            if not path.is_file() or path.is_symlink():
                raise SpecError(path, None, f"is missing; every file in `files` needs a {part} version")
    tests = exercise.test_files()
    if not tests:
        raise SpecError(exercise.tests_dir, None, "has no test_*.py files; add the hidden tests there")
    names = {p.name for p in tests}
    for name in exercise.visible_tests:
        if name not in names:
            raise SpecError(folder / "exercise.toml", "visible_tests", f"names {name!r}, not found in tests/")
    if set(exercise.visible_tests) == names:
        raise SpecError(
            folder / "exercise.toml", "visible_tests", "lists every test file; keep at least one hidden"
        )
    for requirement in exercise.requires:
        if not SLUG.match(requirement):
            raise SpecError(folder / "exercise.toml", "requires", f"entry {requirement!r} is not an exercise slug")


TRACK_FIELDS = {"title", "role", "summary", "exercises", "order"}


def load_track(path: Path | str) -> Track:
    """Read and validate `tracks/<slug>.toml`."""
    path = Path(path).resolve()
    data = _load_toml(path)
    unknown = sorted(set(data) - TRACK_FIELDS)
    if unknown:
        raise SpecError(path, unknown[0], f"is not a known field; use one of {sorted(TRACK_FIELDS)}")
    slug = path.stem
    if not SLUG.match(slug):
        raise SpecError(path, None, "file name must be lowercase letters, digits and dashes")
    exercises = _strings(path, data, "exercises", required=True)
    if len(set(exercises)) != len(exercises):
        raise SpecError(path, "exercises", "lists an exercise twice; each may appear once")
    return Track(
        slug=slug,
        title=_text(path, data, "title"),
        role=_text(path, data, "role"),
        summary=_text(path, data, "summary"),
        exercises=exercises,
        order=_int(path, data, "order", 100, 0, 10_000),
        path=path,
    )


@dataclass(frozen=True)
class Catalog:
    """Every track and its exercises, validated together."""

    tracks: tuple[Track, ...]
    exercises: dict[str, Exercise]  # by "track/slug"


def load_catalog(root: Path | str) -> Catalog:
    """Load `tracks/*.toml` and the exercises they list under `exercises/`."""
    root = Path(root).resolve()
    tracks = sorted((load_track(p) for p in (root / "tracks").glob("*.toml")), key=lambda t: (t.order, t.slug))
    exercises: dict[str, Exercise] = {}
    for track in tracks:
        for slug in track.exercises:
            folder = root / "exercises" / track.slug / slug
            if not folder.is_dir():
                raise SpecError(track.path, "exercises", f"lists {slug!r} but {folder} does not exist")
            exercise = load_exercise(folder)
            for requirement in exercise.requires:
                if requirement not in track.exercises:
                    raise SpecError(
                        folder / "exercise.toml", "requires", f"names {requirement!r}, not in track {track.slug}"
                    )
            exercises[exercise.id] = exercise
    return Catalog(tracks=tuple(tracks), exercises=exercises)
