"""Views for the catalog, tracks, exercises, hints and submission results."""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import (
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import and_, false, func, select
from sqlalchemy.orm import contains_eager
from werkzeug.wrappers import Response

from learnpath import CONTENT_SECURITY_POLICY, queue
from learnpath.extensions import db
from learnpath.learn import bp
from learnpath.learn.forms import SubmissionForm, submission_form
from learnpath.learn.notebook import empty_notebook, is_notebook, notebook_error
from learnpath.models import Exercise, Progress, Submission, Track, utcnow
from learnpath.progress import LABELS, exercise_states, missing_requirements, progress_by_exercise
from learnpath.render import MEDIA_NAME, render_exercise_statement
from learnpath.workspace import Draft, find_draft, hints_revealed, reveal_next_hint, save_draft

RECENT_SUBMISSIONS = 5
LEARNER_MODES = ("submit", "examples")
RATE_WINDOW = timedelta(minutes=1)
ExercisePage = str | Response | tuple[Response, int] | tuple[str, int, dict[str, str]]


@bp.app_context_processor
def progress_labels() -> dict[str, object]:
    return {"state_labels": LABELS}


@bp.app_template_global()
def csp_nonce() -> str:
    """This response's nonce: the editor's generated stylesheet carries it past the CSP."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return str(g.csp_nonce)


@bp.after_app_request
def allow_nonced_styles(response: Response) -> Response:
    """Add `style-src 'self' 'nonce-…'` to the CSP of a page that handed out a nonce (no inline scripts)."""
    nonce = g.get("csp_nonce")
    if nonce:
        policy = response.headers.get("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if "style-src" not in policy:
            response.headers["Content-Security-Policy"] = f"{policy}; style-src 'self' 'nonce-{nonce}'"
    return response


@bp.app_template_filter("points")
def points(value: float | None) -> str:
    """3.0 as "3", 2.5 as "2.5"."""
    return "–" if value is None else f"{value:g}"


@bp.route("/")
def catalog() -> str:
    tracks = db.session.scalars(select(Track).where(Track.active).order_by(Track.position)).all()
    # Per track: its active exercises, and how many of them the learner has passed (one query).
    passed = false()  # a visitor who is not logged in has passed nothing
    if current_user.is_authenticated:
        passed = and_(Progress.exercise_id == Exercise.id, Progress.user_id == current_user.id,
                      Progress.status == "done")
    rows = db.session.execute(
        select(Exercise.track_id, func.count(Exercise.id), func.count(Progress.id))
        .outerjoin(Progress, passed)
        .where(Exercise.active)
        .group_by(Exercise.track_id)
    ).all()
    counts = {track_id: total for track_id, total, _ in rows}
    done = {track_id: finished for track_id, _, finished in rows if finished}
    roles: dict[str, list[Track]] = {}
    for track in tracks:
        roles.setdefault(track.role, []).append(track)
    return render_template("learn/catalog.html", roles=roles, counts=counts, done=done)


@bp.route("/tracks/<slug>")
def track_page(slug: str) -> str:
    track = active_track(slug)
    exercises = [e for e in track.exercises if e.active]
    states = exercise_states(exercises)
    done = sum(states[e.id] == "done" for e in exercises)
    finished = bool(exercises) and done == len(exercises)
    # Where to go on: the first exercise, in the track's order, that is open and not done yet.
    next_up = next((e for e in exercises if states[e.id] not in ("done", "locked")), None)
    titles = {exercise.slug: exercise.title for exercise in exercises}
    return render_template(
        "learn/track.html", track=track, exercises=exercises, states=states, finished=finished, titles=titles,
        done=done, next_up=next_up,
    )


@bp.route("/tracks/<track_slug>/<slug>", methods=["GET", "POST"])
@login_required
def exercise_page(track_slug: str, slug: str) -> ExercisePage:
    exercise = active_exercise(track_slug, slug)
    wants_json = request.accept_mimetypes.best == "application/json"
    workspace = Workspace.load(exercise)
    form = submission_form(exercise.files, workspace.initial_files())
    blockers = missing_requirements(exercise)
    if form.validate_on_submit():
        files = form.files()
        problems = [notebook_error(name, text) for name, text in files.items() if is_notebook(name)]
        problems = [problem for problem in problems if problem]
        wait = seconds_until_next_submission()
        if blockers:
            message, status = "Finish the exercises this one builds on first.", 403
        elif problems:
            message, status = " ".join(problems), 400
        elif wait:
            message, status = rate_limit_message(wait), 429
        else:
            save_draft(current_user.id, exercise, files)
            submission = queue.enqueue(current_user, exercise, files, form.mode)
            if wants_json:
                return jsonify(submission_links(submission)), 202
            return redirect(url_for("learn.submission_page", submission_id=submission.id))
        if wants_json:
            return _json_refusal(message, status, wait)
        if status != 429:  # the page shows its own notice with a countdown
            flash(message, "error")
        page = _render_exercise(exercise, workspace, form, blockers, retry_after=wait if status == 429 else 0)
        return page, status, ({"Retry-After": str(wait)} if status == 429 else {})
    if request.method == "POST" and wants_json:
        errors = [error for _name, field in form.file_fields() for error in field.errors]
        return _json_refusal(" ".join(errors) or "The form expired; reload the page.", 400, 0)
    return _render_exercise(exercise, workspace, form, blockers)


def _json_refusal(message: str, status: int, wait: int) -> tuple[Response, int]:
    response = jsonify({"error": message, "retry_after": wait if status == 429 else None})
    if status == 429:
        response.headers["Retry-After"] = str(wait)
    return response, status


@dataclass(frozen=True)
class Workspace:
    """What the exercise page shows of the learner's own work: the saved draft and the latest runs."""

    exercise: Exercise
    draft: Draft | None
    recent: Sequence[Submission]  # newest first, at most RECENT_SUBMISSIONS

    @classmethod
    def load(cls, exercise: Exercise) -> Workspace:
        return cls(exercise, find_draft(current_user.id, exercise.id),
                   learner_submissions(exercise, limit=RECENT_SUBMISSIONS))

    def initial_files(self) -> dict[str, str]:
        """What the editor opens with: the saved draft, else the latest submission, else the starter."""
        latest = self.recent[0] if self.recent else None
        sources = [self.draft.files if self.draft else {}, latest.files if latest else {},
                   self.exercise.starter_files]
        files = {}
        for name in self.exercise.files:
            found = next((source[name] for source in sources if name in source), None)
            files[name] = found if found is not None else (empty_notebook() if is_notebook(name) else "")
        return files


def submission_links(submission: Submission) -> dict[str, object]:
    return {
        "id": submission.id,
        "mode": submission.mode,
        "page": url_for("learn.submission_page", submission_id=submission.id),
        "poll": url_for("api.submission", submission_id=submission.id),
        "feedback": url_for("learn.submission_feedback", submission_id=submission.id),
    }


def _render_exercise(exercise: Exercise, workspace: Workspace, form: SubmissionForm, blockers: list[Exercise],
                     retry_after: int = 0) -> str:
    progress = progress_by_exercise(current_user.id, [exercise.id]).get(exercise.id)
    attempts = progress.attempts if progress else 0
    failed = attempts if not progress or progress.status != "done" else attempts - 1
    revealed = hints_revealed(current_user.id, exercise.id)
    draft = workspace.draft
    return render_template(
        "learn/exercise.html",
        exercise=exercise,
        statement=render_exercise_statement(exercise.statement_md, media_url(*exercise.key.split("/"))),
        form=form,
        recent=workspace.recent,
        blockers=blockers,
        progress=progress,
        hints=exercise.hints[:revealed],
        hints_left=len(exercise.hints) - revealed,
        hints_locked_for=max(0, exercise.hints_after - failed),
        draft_revision=draft.revision if draft else 0,
        retry_after=retry_after,
        notebooks=[name for name in exercise.files if is_notebook(name)],
    )


def media_url(track_slug: str, slug: str) -> str:
    """Where the pictures of an exercise's statement are served from (no trailing slash)."""
    return url_for("learn.exercise_media", track_slug=track_slug, slug=slug, name="_").removesuffix("/_")


@bp.route("/tracks/<track_slug>/<slug>/media/<name>")
@login_required
def exercise_media(track_slug: str, slug: str, name: str) -> Response:
    """A picture from the exercise folder, shown in its statement; nothing else of the folder."""
    exercise = active_exercise(track_slug, slug)
    folder = Path(current_app.config["CONTENT_ROOT"]) / "exercises" / exercise.key
    path = folder / name
    if not MEDIA_NAME.fullmatch(name) or path.is_symlink() or not path.is_file():
        abort(404)
    return send_from_directory(folder, name, max_age=3600)


@bp.route("/tracks/<track_slug>/<slug>/hints", methods=["POST"])
@login_required
def reveal_hint(track_slug: str, slug: str) -> Response:
    """Reveal the next hint, once the learner has made the failed attempts the author asks for."""
    exercise = active_exercise(track_slug, slug)
    progress = progress_by_exercise(current_user.id, [exercise.id]).get(exercise.id)
    attempts = progress.attempts if progress else 0
    if not exercise.hints:
        abort(404)
    if attempts < exercise.hints_after and not (progress and progress.status == "done"):
        needed = exercise.hints_after - attempts
        flash(f"Hints open after {needed} more submitted attempt{'s' if needed != 1 else ''}.", "info")
    else:
        reveal_next_hint(current_user.id, exercise)
    target = url_for("learn.exercise_page", track_slug=track_slug, slug=slug)
    return redirect(target + "#hints")


@bp.route("/submissions/<int:submission_id>")
@login_required
def submission_page(submission_id: int) -> str:
    submission = owned_submission(submission_id)
    report = submission.report.data if submission.report else None
    return render_template("learn/submission.html", submission=submission, report=report)


@bp.route("/submissions/<int:submission_id>/feedback")
@login_required
def submission_feedback(submission_id: int) -> str:
    """The feedback panel alone, for the exercise page to show without reloading."""
    submission = owned_submission(submission_id)
    report = submission.report.data if submission.report else None
    return render_template("learn/_feedback.html", submission=submission, report=report)


def owned_submission(submission_id: int) -> Submission:
    """The current user's submission, or 404 (another learner's submission does not exist)."""
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.user_id != current_user.id:
        abort(404)
    return submission


def learner_submissions(exercise: Exercise, limit: int | None = None) -> Sequence[Submission]:
    """The current user's submissions and example runs on `exercise`, newest first."""
    query = (
        select(Submission)
        .where(Submission.user_id == current_user.id, Submission.exercise_id == exercise.id)
        .where(Submission.mode.in_(LEARNER_MODES))
        .order_by(Submission.created_at.desc(), Submission.id.desc())
    )
    return db.session.scalars(query.limit(limit) if limit else query).all()


def active_track(slug: str) -> Track:
    track = db.session.scalar(select(Track).where(Track.slug == slug, Track.active))
    if track is None:
        abort(404)
    return track


def active_exercise(track_slug: str, slug: str) -> Exercise:
    exercise = db.session.scalar(
        select(Exercise)
        .join(Exercise.track)
        .where(Exercise.key == f"{track_slug}/{slug}", Exercise.active, Track.active)
        .options(contains_eager(Exercise.track))  # its track comes in the same query
    )
    if exercise is None:
        abort(404)
    return exercise


def seconds_until_next_submission() -> int:
    """0 while the learner is under SUBMISSIONS_PER_MINUTE, else the seconds until a slot frees up."""
    since = utcnow() - RATE_WINDOW
    times = db.session.scalars(
        select(Submission.created_at)
        .where(Submission.user_id == current_user.id, Submission.created_at >= since)
        .order_by(Submission.created_at.desc())
    ).all()
    limit = current_app.config["SUBMISSIONS_PER_MINUTE"]
    if len(times) < limit:
        return 0
    frees_at = times[limit - 1] + RATE_WINDOW
    return max(1, math.ceil((frees_at - utcnow()).total_seconds()))


def rate_limit_message(wait: int) -> str:
    limit = current_app.config["SUBMISSIONS_PER_MINUTE"]
    return f"You have sent {limit} runs in the last minute, the most the graders take. Try again in {wait} s."
