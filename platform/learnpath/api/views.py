"""JSON views: a submission's state and report, the editor's draft, and Markdown previews."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask_login import current_user
from gradekit.spec import MAX_LEARNER_FILE_BYTES
from sqlalchemy import select
from werkzeug.wrappers import Response

from learnpath.api import bp
from learnpath.extensions import db
from learnpath.models import Exercise, Submission
from learnpath.render import render_statement
from learnpath.workspace import find_draft, save_draft

MAX_MARKDOWN_CHARS = 100_000


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), status


@bp.route("/submissions/<int:submission_id>")
def submission(submission_id: int) -> Response | tuple[Response, int]:
    if not current_user.is_authenticated:
        return _error(401, "log in first")
    found = db.session.get(Submission, submission_id)
    if found is None or found.user_id != current_user.id:
        return _error(404, "no such submission")
    return jsonify(submission_json(found))


def submission_json(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.id,
        "exercise": submission.exercise.key,
        "mode": submission.mode,
        "state": submission.state,
        "status": submission.status,
        "score": submission.score,
        "max_score": submission.max_score,
        "created_at": submission.created_at.isoformat(),
        "finished_at": submission.finished_at.isoformat() if submission.finished_at else None,
        "report": submission.report.data if submission.report else None,
    }


@bp.route("/exercises/<track_slug>/<slug>/draft", methods=["GET", "PUT"])
def draft(track_slug: str, slug: str) -> Response | tuple[Response, int]:
    """The learner's draft of an exercise: GET reads it, PUT {"files": {...}} saves it (CSRF header required)."""
    if not current_user.is_authenticated:
        return _error(401, "log in first")
    exercise = db.session.scalar(select(Exercise).where(Exercise.key == f"{track_slug}/{slug}", Exercise.active))
    if exercise is None:
        return _error(404, "no such exercise")
    if request.method == "PUT":
        body = request.get_json(silent=True)
        files = body.get("files") if isinstance(body, dict) else None
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            return _error(400, 'send {"files": {"name": "text", ...}}')
        unknown = sorted(set(files) - set(exercise.files))
        if unknown:
            return _error(400, f"{unknown[0]} is not a file of this exercise")
        too_long = [name for name, text in files.items() if len(text.encode()) > MAX_LEARNER_FILE_BYTES]
        if too_long:
            return _error(413, f"{too_long[0]} is longer than {MAX_LEARNER_FILE_BYTES} bytes")
        saved = save_draft(current_user.id, exercise, files)
        return jsonify({"revision": saved.revision, "updated_at": saved.updated_at.isoformat()})
    found = find_draft(current_user.id, exercise.id)
    if found is None:
        return jsonify({"revision": 0, "files": None, "updated_at": None})
    return jsonify({"revision": found.revision, "files": found.files, "updated_at": found.updated_at.isoformat()})


@bp.route("/markdown", methods=["POST"])
def markdown() -> Response | tuple[Response, int]:
    """Render a notebook's Markdown cell the way statements are rendered: sanitized HTML."""
    if not current_user.is_authenticated:
        return _error(401, "log in first")
    body = request.get_json(silent=True)
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or len(text) > MAX_MARKDOWN_CHARS:
        return _error(400, f'send {{"text": "..."}} of at most {MAX_MARKDOWN_CHARS} characters')
    return jsonify({"html": str(render_statement(text))})
