"""Does `learnpath new` scaffold tracks and exercises of every kind that `learnpath check` accepts?"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from gradekit import Settings, load_catalog
from gradekit.check import check_exercise
from gradekit.errors import SpecError
from gradekit.kinds import registered_kinds
from gradekit.scaffold import new_exercise, new_track
from learnpath import cli


@pytest.mark.parametrize("kind", sorted(registered_kinds()))
def test_every_kind_scaffolds_an_exercise_that_passes_the_check(tmp_path: Path, kind: str):
    """Does a freshly scaffolded exercise of each registered kind pass every check as it is?"""
    new_track(tmp_path, "course")
    folder = new_exercise(tmp_path, "course", f"first-{kind}", kind, title=f'A "quoted" {kind} title')
    result = check_exercise(folder, Settings())
    assert result.problems == []
    catalog = load_catalog(tmp_path)
    assert catalog.exercises[f"course/first-{kind}"].title == f'A "quoted" {kind} title'
    hidden = [p.name for p in (folder / "tests").glob("test_*.py")]
    assert len(hidden) >= 2


def test_the_commands_write_files_and_list_the_exercise_in_the_track(tmp_path: Path):
    """Do `new track` and `new exercise` write the files and keep the track's order?"""
    runner = CliRunner()
    root = ["--root", str(tmp_path)]
    assert runner.invoke(cli.main, ["new", "track", "backend", "--title", "Backend", *root]).exit_code == 0
    for name in ("hello", "routes"):
        result = runner.invoke(cli.main, ["new", "exercise", "backend", name, "--kind", "python", *root])
        assert result.exit_code == 0, result.output
        assert f"learnpath check {tmp_path}/exercises/backend/{name}" in result.output
    track = tomllib.loads((tmp_path / "tracks" / "backend.toml").read_text())
    assert (track["title"], track["exercises"]) == ("Backend", ["hello", "routes"])
    for part in ("exercise.toml", "README.md", "starter/words.py", "solution/words.py", "tests/test_examples.py",
                 "tests/test_hidden.py"):
        assert (tmp_path / "exercises" / "backend" / "hello" / part).is_file(), part


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda root: new_exercise(root, "missing", "x", "python"),
         "missing.toml: does not exist; create the track first with `learnpath new track missing`"),
        (lambda root: new_exercise(root, "course", "Bad_Name", "python"), "use lowercase letters, digits and dashes"),
        (lambda root: new_exercise(root, "course", "x", "cobol"), "'cobol' is not a known kind; use one of "),
        (lambda root: new_track(root, "course"), "course.toml: already exists"),
    ],
)
def test_mistakes_are_named_with_the_fix(tmp_path: Path, call, expected):
    """Does each mistake say what is wrong and how to fix it?"""
    new_track(tmp_path, "course")
    with pytest.raises(SpecError, match=None) as error:
        call(tmp_path)
    assert expected in str(error.value)


def test_an_exercise_is_never_written_over(tmp_path: Path):
    """Is scaffolding into an existing folder refused, leaving the author's files alone?"""
    new_track(tmp_path, "course")
    folder = new_exercise(tmp_path, "course", "one", "python")
    (folder / "README.md").write_text("mine")
    with pytest.raises(SpecError, match="already exists"):
        new_exercise(tmp_path, "course", "one", "python")
    assert (folder / "README.md").read_text() == "mine"
