"""Does `check` accept good exercises and name what is wrong with bad ones?"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gradekit import Settings
from gradekit.check import check_command, check_exercise


@pytest.fixture
def mean_copy(tmp_path: Path, content_root: Path) -> Path:
    target = tmp_path / "exercises" / "demo" / "mean"
    shutil.copytree(content_root / "exercises" / "demo" / "mean", target)
    return target


def test_demo_exercises_pass_the_check(content_root: Path, capsys):
    """Do the demo exercises pass every check?"""
    assert check_command([str(content_root / "exercises")]) == 0
    count = len(list((content_root / "exercises").rglob("exercise.toml")))
    assert f"{count} of {count} exercises ok" in capsys.readouterr().out


def test_broken_solution_is_reported(mean_copy: Path):
    """Is a reference solution that fails a test reported with the failing test?"""
    (mean_copy / "solution" / "stats.py").write_text("def mean(xs):\n    return 0\n")
    result = check_exercise(mean_copy, Settings())
    assert any("the reference solution must get full marks" in p and "mean() of three numbers" in p
               for p in result.problems)


def test_starter_that_passes_is_reported(mean_copy: Path):
    """Is a starter that already passes reported?"""
    shutil.copy(mean_copy / "solution" / "stats.py", mean_copy / "starter" / "stats.py")
    result = check_exercise(mean_copy, Settings())
    assert any("the starter passes every test" in p for p in result.problems)


def test_hidden_material_in_reach_of_the_learner_is_reported(mean_copy: Path):
    """Is a hidden test copied where the learner's code can read it (data/) reported?"""
    (mean_copy / "data").mkdir()
    shutil.copy(mean_copy / "tests" / "test_hidden.py", mean_copy / "data" / "test_hidden.py")
    result = check_exercise(mean_copy, Settings())
    assert any("hidden material is readable" in p and "test_hidden.py" in p for p in result.problems)


def test_malformed_exercise_is_reported_with_file_and_field(mean_copy: Path, capsys):
    """Does a malformed exercise.toml fail the check with the file and field named?"""
    path = mean_copy / "exercise.toml"
    path.write_text(path.read_text().replace('kind = "python"', "kind = 3"))
    assert check_command([str(mean_copy)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: `kind` must be a non-empty string" in out
