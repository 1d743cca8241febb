"""A learner's standing on exercises: not started, in progress, done, or locked behind another."""

from __future__ import annotations

from collections.abc import Iterable

from flask_login import current_user
from sqlalchemy import select

from learnpath.extensions import db
from learnpath.models import Exercise, Progress

LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "locked": "Locked",
}


def progress_by_exercise(user_id: int, exercise_ids: Iterable[int]) -> dict[int, Progress]:
    ids = list(exercise_ids)
    if not ids:
        return {}
    rows = db.session.scalars(select(Progress).where(Progress.user_id == user_id, Progress.exercise_id.in_(ids)))
    return {row.exercise_id: row for row in rows}


def exercise_states(exercises: list[Exercise]) -> dict[int, str]:
    """The current user's state on each exercise of one track (all not started when anonymous)."""
    if not current_user.is_authenticated:
        return {exercise.id: "not_started" for exercise in exercises}
    # A requirement may name any exercise of the track, retired ones too: they count once passed.
    tracks = {exercise.track for exercise in exercises}  # already loaded: no query
    by_key = {sibling.key: sibling for track in tracks for sibling in track.exercises}
    progress = progress_by_exercise(current_user.id, [e.id for e in by_key.values()])
    done = {key for key, exercise in by_key.items() if _status(progress, exercise.id) == "done"}
    states = {}
    for exercise in exercises:
        status = _status(progress, exercise.id)
        track_slug = exercise.key.split("/")[0]
        required = {f"{track_slug}/{slug}" for slug in exercise.requires}
        if status == "not_started" and not required <= done:
            status = "locked"
        states[exercise.id] = status
    return states


def missing_requirements(exercise: Exercise) -> list[Exercise]:
    """Exercises the current user must finish before this one."""
    track_slug = exercise.key.split("/")[0]
    keys = [f"{track_slug}/{slug}" for slug in exercise.requires]
    if not keys:
        return []
    required = list(db.session.scalars(select(Exercise).where(Exercise.key.in_(keys))))
    progress = progress_by_exercise(current_user.id, [e.id for e in required])
    return [e for e in required if _status(progress, e.id) != "done"]


def _status(progress: dict[int, Progress], exercise_id: int) -> str:
    row = progress.get(exercise_id)
    return row.status if row else "not_started"
