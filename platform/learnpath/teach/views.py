"""Views for the dashboard: tracks, exercises, learners, one submission, and the gradebook."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from flask import Response, abort, render_template, request
from sqlalchemy import select

from learnpath.extensions import db
from learnpath.models import Classroom, Exercise, RegradeItem, Submission, Track, User
from learnpath.render import render_statement
from learnpath.teach import bp
from learnpath.teach.charts import bar_chart, histogram
from learnpath.teach.regrading import current_tests_hash, report_tests_hash, stale_submissions
from learnpath.teach.stats import exercise_stats, failing_tests, gradebook, learner_rows

HISTORY = 50


def selected_class() -> Classroom | None:
    """The class in `?class=`, or None for every learner; an unknown class is a 404."""
    raw = request.args.get("class", "")
    if not raw:
        return None
    classroom = db.session.get(Classroom, int(raw)) if raw.isdigit() else None
    if classroom is None:
        abort(404)
    return classroom


def _class_id(classroom: Classroom | None) -> int | None:
    return classroom.id if classroom else None


@bp.context_processor
def teaching_context() -> dict[str, object]:
    classes = db.session.scalars(select(Classroom).order_by(Classroom.name)).all()
    return {"all_classes": classes, "render_statement": render_statement}


def tracks() -> Sequence[Track]:
    return db.session.scalars(select(Track).where(Track.active).order_by(Track.position)).all()


def exercise_by_key(track_slug: str, slug: str) -> Exercise:
    exercise = db.session.scalar(select(Exercise).where(Exercise.key == f"{track_slug}/{slug}"))
    if exercise is None:
        abort(404)
    return exercise


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


@bp.app_template_filter("duration")
def duration(value: object) -> str:
    """A timedelta as "3 d 4 h", "2 h 5 min" or "40 s"."""
    seconds = int(getattr(value, "total_seconds", lambda: -1)())
    if seconds < 0:
        return "–"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min" if minutes else f"{seconds} s"


@bp.route("/")
def dashboard() -> str:
    classroom = selected_class()
    summaries = []
    for track in tracks():
        exercises = [e for e in track.exercises if e.active]
        stats = exercise_stats(exercises, _class_id(classroom))
        learners = {row.user.id for row in learner_rows(exercises, _class_id(classroom)) if row.progress}
        passed = sum(s.passed for s in stats.values())
        tried = sum(s.learners for s in stats.values())
        summaries.append((track, len(exercises), len(learners), passed / tried if tried else None))
    chart = bar_chart(
        "Pass rate per track", [(t.title, rate or 0, percent(rate)) for t, _, _, rate in summaries], 1, "pass"
    )
    return render_template("teach/dashboard.html", summaries=summaries, chart=chart, classroom=classroom,
                           percent=percent)


@bp.route("/tracks/<slug>")
def track_page(slug: str) -> str:
    classroom = selected_class()
    track = db.session.scalar(select(Track).where(Track.slug == slug))
    if track is None:
        abort(404)
    exercises = [e for e in track.exercises if e.active]
    stats = exercise_stats(exercises, _class_id(classroom))
    rows = learner_rows(exercises, _class_id(classroom))
    charts = [
        bar_chart("Pass rate per exercise", [(e.title, stats[e.id].pass_rate or 0, percent(stats[e.id].pass_rate))
                                             for e in exercises], 1, "pass"),
        bar_chart("Median attempts to pass", [(e.title, stats[e.id].median_attempts or 0,
                                               f"{stats[e.id].median_attempts or 0:g}") for e in exercises]),
    ]
    return render_template("teach/track.html", track=track, exercises=exercises, stats=stats, rows=rows,
                           charts=charts, classroom=classroom, percent=percent)


@bp.route("/exercises/<track_slug>/<slug>")
def exercise_page(track_slug: str, slug: str) -> str:
    classroom = selected_class()
    exercise = exercise_by_key(track_slug, slug)
    stats = exercise_stats([exercise], _class_id(classroom))[exercise.id]
    failing = failing_tests(exercise, _class_id(classroom))
    charts = [
        histogram("Attempts learners needed to pass", stats.attempts_to_pass, "attempt"),
        bar_chart("Tests failed most (failing submissions)", [(t.name, t.failures, str(t.failures)) for t in failing],
                  tone="fail"),
    ]
    suite = current_tests_hash(exercise)
    stale = stale_submissions(exercise, suite) if suite else []
    recent = db.session.scalars(
        select(Submission)
        .where(Submission.exercise_id == exercise.id, Submission.mode == "submit")
        .order_by(Submission.created_at.desc(), Submission.id.desc())
        .limit(HISTORY)
    ).all()
    return render_template("teach/exercise.html", exercise=exercise, stats=stats, failing=failing, charts=charts,
                           suite=suite, stale=stale, recent=recent, classroom=classroom, percent=percent)


@bp.route("/learners")
def learners() -> str:
    classroom = selected_class()
    all_tracks = tracks()
    exercises = [e for t in all_tracks for e in t.exercises if e.active]
    rows = learner_rows(exercises, _class_id(classroom))
    return render_template("teach/learners.html", rows=rows, tracks=all_tracks, classroom=classroom)


@bp.route("/learners/<int:user_id>")
def learner_page(user_id: int) -> str:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    all_tracks = tracks()
    exercises = [e for t in all_tracks for e in t.exercises if e.active]
    row = next(iter(r for r in learner_rows(exercises) if r.user.id == user_id), None)
    submissions = db.session.scalars(
        select(Submission).where(Submission.user_id == user_id).order_by(Submission.created_at.desc()).limit(HISTORY)
    ).all()
    return render_template("teach/learner.html", user=user, row=row, tracks=all_tracks, submissions=submissions)


@bp.route("/submissions/<int:submission_id>")
def submission_page(submission_id: int) -> str:
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        abort(404)
    report = submission.report.data if submission.report else None
    history = db.session.scalars(
        select(Submission)
        .where(Submission.user_id == submission.user_id, Submission.exercise_id == submission.exercise_id)
        .order_by(Submission.created_at.desc(), Submission.id.desc())
        .limit(HISTORY)
    ).all()
    regrades = db.session.scalars(
        select(RegradeItem).where(RegradeItem.submission_id == submission.id).order_by(RegradeItem.id)
    ).all()
    suite = report_tests_hash(submission.report.body) if submission.report else None
    return render_template("teach/submission.html", submission=submission, report=report, history=history,
                           regrades=regrades, suite=suite)


def _gradebook_scope() -> tuple[Track | None, list[Exercise], Classroom | None]:
    classroom = selected_class()
    slug = request.args.get("track", "")
    all_tracks = tracks()
    track = next((t for t in all_tracks if t.slug == slug), None)
    if slug and track is None:
        abort(404)
    chosen = [track] if track else list(all_tracks)
    return track, [e for t in chosen for e in t.exercises if e.active], classroom


@bp.route("/gradebook")
def gradebook_page() -> str:
    track, exercises, classroom = _gradebook_scope()
    header, rows = gradebook(exercises, _class_id(classroom))
    return render_template("teach/gradebook.html", header=header, rows=rows, exercises=exercises, track=track,
                           tracks=tracks(), classroom=classroom)


def _cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@bp.route("/gradebook.csv")
def gradebook_csv() -> Response:
    track, exercises, classroom = _gradebook_scope()
    header, rows = gradebook(exercises, _class_id(classroom))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[_cell(value) for value in row] for row in rows])
    parts = ["gradebook", track.slug if track else "", classroom.invite_code if classroom else ""]
    name = "-".join(part for part in parts if part)
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
