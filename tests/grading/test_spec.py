"""Are malformed tracks and exercises reported with the file, the field and the fix?"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gradekit.errors import SpecError
from gradekit.spec import Limits, load_catalog, load_exercise, load_track


@pytest.fixture
def exercise_copy(tmp_path: Path, content_root: Path) -> Path:
    target = tmp_path / "exercises" / "demo" / "mean"
    shutil.copytree(content_root / "exercises" / "demo" / "mean", target)
    return target


def rewrite(folder: Path, old: str, new: str) -> None:
    path = folder / "exercise.toml"
    path.write_text(path.read_text().replace(old, new))


def test_valid_exercise_loads(exercise_copy: Path):
    """Does a well-formed exercise load with its fields and defaults?"""
    exercise = load_exercise(exercise_copy)
    assert exercise.id == "demo/mean"
    assert exercise.files == ("stats.py",)
    assert exercise.limits.call_timeout == 2
    assert exercise.limits.memory == Limits().memory
    assert "def mean" in exercise.starter_files()["stats.py"]


@pytest.mark.parametrize(
    ("old", "new", "field", "fix"),
    [
        ('kind = "python"', 'kind = "cobol"', "kind", "use one of"),
        ("timeout = 10", 'timeout = "ten"', "limits.timeout", "must be a positive number"),
        ('files = ["stats.py"]', 'files = "stats.py"', "files", "must be a list"),
        ('title = "Mean"', "", "title", "is required"),
        ('visible_tests = ["test_examples.py"]', 'visible_tests = ["test_nope.py"]', "visible_tests", "not found"),
        ("[limits]", "colour = 3\n[limits]", "colour", "is not a known field"),
    ],
)
def test_malformed_fields_name_file_field_and_fix(exercise_copy: Path, old: str, new: str, field: str, fix: str):
    """Does each malformed field give an error naming the file, the field and the fix?"""
    rewrite(exercise_copy, old, new)
    with pytest.raises(SpecError) as caught:
        load_exercise(exercise_copy)
    message = str(caught.value)
    assert str(exercise_copy / "exercise.toml") in message
    assert f"`{field}`" in message
    assert fix in message


def test_invalid_toml_is_reported(exercise_copy: Path):
    """Is a TOML syntax error reported with the file name?"""
    (exercise_copy / "exercise.toml").write_text("title = \n")
    with pytest.raises(SpecError, match="is not valid TOML"):
        load_exercise(exercise_copy)


def test_missing_solution_file_is_reported(exercise_copy: Path):
    """Is a file listed in `files` but missing from solution/ reported?"""
    (exercise_copy / "solution" / "stats.py").unlink()
    with pytest.raises(SpecError, match=r"solution/stats.py: is missing"):
        load_exercise(exercise_copy)


def test_all_tests_visible_is_refused(exercise_copy: Path):
    """Must every exercise keep at least one hidden test file?"""
    rewrite(exercise_copy, '["test_examples.py"]', '["test_examples.py", "test_hidden.py"]')
    with pytest.raises(SpecError, match="keep at least one hidden"):
        load_exercise(exercise_copy)


def test_catalog_loads_tracks_in_order(content_root: Path):
    """Does the catalog load every track and the exercises it lists?"""
    catalog = load_catalog(content_root)
    assert [t.slug for t in catalog.tracks] == ["demo"]
    assert set(catalog.exercises) == {"demo/mean", "demo/greet-api"}


def test_track_listing_a_missing_exercise_is_reported(tmp_path: Path):
    """Does a track naming an exercise that does not exist say which one?"""
    (tmp_path / "tracks").mkdir()
    (tmp_path / "tracks" / "t.toml").write_text(
        'title = "T"\nrole = "R"\nsummary = "S"\nexercises = ["ghost"]\n'
    )
    with pytest.raises(SpecError, match="lists 'ghost'"):
        load_catalog(tmp_path)


def test_track_requires_exercises(tmp_path: Path):
    """Is a track without an exercise list refused?"""
    path = tmp_path / "t.toml"
    path.write_text('title = "T"\nrole = "R"\nsummary = "S"\n')
    with pytest.raises(SpecError, match="`exercises` is required"):
        load_track(path)
