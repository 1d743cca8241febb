"""Is the shipped catalog whole: a track for every career role, each exercise complete and proven?

`learnpath check` (run by `make check`) grades every reference solution, starter and variant; this
test keeps the fast, structural promises on every change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gradekit.spec import load_catalog
from gradekit.suite import load_config

ROOT = Path(__file__).resolve().parents[1]
CATALOG = load_catalog(ROOT)

# The roles the platform promises a path for, and the fewest exercises each track must have.
ROLES = {
    "backend": 10, "data": 10, "games": 8, "iot": 8, "ml": 6, "qa": 6, "devops": 6, "data-engineering": 6,
    "fullstack": 6, "fintech": 6, "security": 6, "science": 6, "networking": 6, "scripting": 6,
}


@pytest.mark.parametrize("slug", sorted(ROLES))
def test_every_role_has_a_track_with_enough_exercises(slug: str):
    """Does each promised role have its track, with at least the exercises it promises?"""
    tracks = {track.slug: track for track in CATALOG.tracks}
    if slug not in tracks:
        pytest.fail(f"tracks/{slug}.toml is missing")
    assert len(tracks[slug].exercises) >= ROLES[slug], f"{slug} has {len(tracks[slug].exercises)} exercises"


def test_no_exercise_folder_is_left_out_of_its_track():
    """Is every exercise folder listed by its track (nothing written and forgotten)?"""
    listed = set(CATALOG.exercises)
    on_disk = {f"{p.parent.parent.name}/{p.parent.name}" for p in (ROOT / "exercises").glob("*/*/exercise.toml")}
    assert on_disk - listed == set()


@pytest.mark.parametrize("exercise_id", sorted(CATALOG.exercises))
def test_each_exercise_is_complete(exercise_id: str):
    """Has the exercise a statement with an example, hidden tests and variants that prove them?"""
    exercise = CATALOG.exercises[exercise_id]
    statement = exercise.statement()
    assert len(statement) > 300 and "```" in statement, "the statement needs an example in a code block"
    hidden = [p for p in exercise.test_files() if p.name not in exercise.visible_tests]
    assert hidden, "no hidden tests"
    variants = exercise.variants()
    assert any(name.startswith("pass-") for name in variants), "keep a correct variant in variants/pass-*"
    assert sum(name.startswith("fail-") for name in variants) >= 2, "keep two plausible mistakes in variants/fail-*"


@pytest.mark.parametrize("exercise_id", sorted(i for i, e in CATALOG.exercises.items() if e.kind == "pytest"))
def test_each_tests_for_given_code_exercise_keeps_a_correct_alternative(exercise_id: str):
    """Does each exercise where learners write tests keep another correct version of the code, so
    that a test checking how the code is written (not what it does) catches no mutant?"""
    config = load_config(CATALOG.exercises[exercise_id].tests_dir)
    assert config.alternatives, "add an [[alternatives]] entry to tests/mutants.toml"
    assert all(alternative.source != config.correct for alternative in config.alternatives)
