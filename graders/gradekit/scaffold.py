"""Scaffolding for authors: a new track file, or a complete exercise of any kind that passes `check`.

Each kind's template is a folder `gradekit/scaffolds/<kind>/` laid out like an exercise
(exercise.toml, README.md, starter/, solution/, tests/, optional data/). `$title`, `$track` and
`$slug` in its text files are replaced; a new kind adds its folder beside the others, and the
project's tests check every registered kind's scaffold with `learnpath check`.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from string import Template

from gradekit.errors import SpecError
from gradekit.spec import SLUG

SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"
TEXT_SUFFIXES = {".toml", ".md", ".py", ".ipynb", ".csv", ".json", ".txt"}
# `exercises = [...]` in a track file, over one or several lines.
EXERCISES_LIST = re.compile(r"^exercises\s*=\s*\[[^\]]*\]", re.MULTILINE)


def scaffold_kinds() -> frozenset[str]:
    """Kinds that have a scaffold folder."""
    return frozenset(p.name for p in SCAFFOLDS.iterdir() if (p / "exercise.toml").is_file())


def _check_slug(what: str, value: str) -> None:
    if not SLUG.match(value):
        raise SpecError(value, None, f"is not a valid {what} name; use lowercase letters, digits and dashes, "
                                     "starting with a letter or digit (for example `hello-api`)")


def _title(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def _escaped(text: str) -> str:
    """`text` made safe inside a double-quoted TOML or JSON string."""
    return json.dumps(text)[1:-1]


def new_track(root: Path, slug: str, title: str | None = None, role: str | None = None,
              summary: str | None = None) -> Path:
    """Write `tracks/<slug>.toml` with no exercises yet; return its path."""
    _check_slug("track", slug)
    path = Path(root) / "tracks" / f"{slug}.toml"
    if path.exists():
        raise SpecError(path, None, "already exists; pick another name or edit that file")
    title = title or _title(slug)
    lines = [
        f'title = "{_escaped(title)}"',
        f'role = "{_escaped(role or title + " developer")}"',
        f'summary = "{_escaped(summary or "What a learner can do after this track, in one sentence.")}"',
        "exercises = []",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def new_exercise(root: Path, track: str, slug: str, kind: str, title: str | None = None) -> Path:
    """Copy the kind's scaffold to `exercises/<track>/<slug>/` and list it last in the track file."""
    _check_slug("exercise", slug)
    root = Path(root)
    track_path = root / "tracks" / f"{track}.toml"
    if not track_path.is_file():
        raise SpecError(track_path, None, f"does not exist; create the track first with `learnpath new track {track}`")
    template = SCAFFOLDS / kind
    if not (template / "exercise.toml").is_file():
        from gradekit.kinds import registered_kinds

        if kind in registered_kinds():
            raise SpecError(template, None, f"is missing, so kind {kind!r} cannot be scaffolded yet; "
                                            "add it, laid out like the other kinds' folders beside it")
        known = ", ".join(sorted(scaffold_kinds() & registered_kinds()))
        raise SpecError("--kind", None, f"{kind!r} is not a known kind; use one of {known}")
    target = root / "exercises" / track / slug
    if target.exists():
        raise SpecError(target, None, "already exists; pick another name or edit that folder")
    data = tomllib.loads(track_path.read_text(encoding="utf-8"))
    if slug in data.get("exercises", []):
        raise SpecError(track_path, "exercises", f"already lists {slug!r}; remove it there or pick another name")
    values = {"title": title or _title(slug), "track": track, "slug": slug}
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for path in sorted(target.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            raw = path.read_text(encoding="utf-8")
            escape = _escaped if path.suffix in (".toml", ".ipynb", ".json") else str
            path.write_text(Template(raw).safe_substitute({k: escape(v) for k, v in values.items()}),
                            encoding="utf-8")
    _append_to_track(track_path, slug)
    return target


def _append_to_track(track_path: Path, slug: str) -> None:
    text = track_path.read_text(encoding="utf-8")
    match = EXERCISES_LIST.search(text)
    if match is None:
        raise SpecError(track_path, "exercises", f'has no list to add to; add the line exercises = ["{slug}"]')
    current = tomllib.loads(text).get("exercises", [])
    listed = ", ".join(json.dumps(name) for name in [*current, slug])
    track_path.write_text(text[: match.start()] + f"exercises = [{listed}]" + text[match.end():], encoding="utf-8")
