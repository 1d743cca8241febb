"""Does `check` accept good exercises and name what is wrong with bad ones?"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gradekit import Settings
from gradekit.check import check_command, check_exercise, is_paced


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


def test_exercises_that_wait_on_simulated_time_are_checked_in_their_own_lane(content_root: Path, tmp_path: Path):
    """Are serial and network exercises (their tests wait on devices and peers) told apart from the rest?"""
    demo = content_root / "exercises" / "demo"
    assert all(is_paced(demo / name) for name in ("sensor", "echo-server", "fetch-client"))
    assert not any(is_paced(demo / name) for name in ("mean", "paddle", "sales-notebook", "greet-api"))
    assert not is_paced(tmp_path), "a folder that is not an exercise is left to the check to report"


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


def test_kept_variants_must_get_the_verdict_their_names_promise(mean_copy: Path):
    """Is a correct variant that fails, or a wrong variant that passes, reported — and good ones not?"""
    def variant(name: str, source: str) -> None:
        (mean_copy / "variants" / name).mkdir(parents=True)
        (mean_copy / "variants" / name / "stats.py").write_text(source)

    correct = ("import statistics\n\ndef mean(xs):\n    if len(xs) == 0:\n        raise ValueError('no numbers')\n"
               "    return statistics.fmean(xs)\n")
    variant("pass-statistics", correct)
    variant("fail-off-by-one", "def mean(xs):\n    if not xs:\n        raise ValueError\n"
                               "    return sum(xs) / (len(xs) - 1)\n")
    assert check_exercise(mean_copy, Settings()).problems == []

    variant("pass-forgets-empty", "def mean(xs):\n    return sum(xs) / len(xs)\n")
    variant("fail-actually-right", correct)
    variant("maybe", correct)
    problems = check_exercise(mean_copy, Settings()).problems
    assert len(problems) == 3, problems
    assert any("pass-forgets-empty: a correct variant must get full marks" in p for p in problems)
    assert any("fail-actually-right: a wrong variant passed every test" in p for p in problems)
    assert any("variants/maybe: a variant's folder name starts with pass- or fail-" in p for p in problems)
