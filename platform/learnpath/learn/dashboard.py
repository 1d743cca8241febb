"""The learner's dashboard: progress per track as a chart, recent activity, and a finished track's page."""

from __future__ import annotations

from dataclasses import dataclass

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from learnpath.extensions import db
from learnpath.learn import bp
from learnpath.learn.views import LEARNER_MODES, active_track
from learnpath.models import Exercise, Submission, Track
from learnpath.progress import exercise_states

RECENT_ACTIVITY = 10
BAR_WIDTH = 400  # px of a full bar in the chart


@dataclass(frozen=True)
class TrackProgress:
    """How far the learner is on one track, and the bar widths the chart draws."""

    track: Track
    total: int
    done: int
    in_progress: int

    @property
    def done_width(self) -> float:
        return BAR_WIDTH * self.done / self.total if self.total else 0

    @property
    def in_progress_width(self) -> float:
        return BAR_WIDTH * self.in_progress / self.total if self.total else 0

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done == self.total


def track_progress(track: Track) -> TrackProgress:
    exercises = [e for e in track.exercises if e.active]
    states = list(exercise_states(exercises).values())
    return TrackProgress(track, len(exercises), states.count("done"), states.count("in_progress"))


@bp.route("/dashboard")
@login_required
def dashboard() -> str:
    tracks = db.session.scalars(select(Track).where(Track.active).order_by(Track.position)).all()
    rows = [track_progress(track) for track in tracks]
    started = [row for row in rows if row.done or row.in_progress]
    recent = db.session.scalars(
        select(Submission)
        .join(Exercise, Submission.exercise_id == Exercise.id)
        .where(Submission.user_id == current_user.id, Submission.mode.in_(LEARNER_MODES), Exercise.active)
        .order_by(Submission.created_at.desc(), Submission.id.desc())
        .limit(RECENT_ACTIVITY)
    ).all()
    return render_template(
        "learn/dashboard.html", rows=started or rows, any_started=bool(started), recent=recent, bar_width=BAR_WIDTH
    )


@bp.route("/tracks/<slug>/complete")
@login_required
def track_complete(slug: str) -> str | Response:
    """The page of a track whose every exercise the learner has passed."""
    track = active_track(slug)
    progress = track_progress(track)
    if not progress.finished:
        flash(f"{progress.done} of {progress.total} exercises done: finish them all to complete the track.", "info")
        return redirect(url_for("learn.track_page", slug=slug))
    return render_template("learn/complete.html", track=track, progress=progress)
