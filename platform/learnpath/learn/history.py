"""History of one exercise: every run with its time and score, what changed since the one before, restoring."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from learnpath.learn import bp
from learnpath.learn.views import active_exercise, learner_submissions, owned_submission
from learnpath.models import Submission
from learnpath.workspace import save_draft

MAX_DIFF_LINES = 400


@dataclass(frozen=True)
class DiffLine:
    """One line of a unified diff and how to show it: "add", "remove", "hunk", "file" or "same"."""

    kind: str
    text: str


def diff_files(before: dict[str, str], after: dict[str, str]) -> list[DiffLine]:
    """A unified diff of two versions of the learner's files, file by file, cut at MAX_DIFF_LINES."""
    lines: list[DiffLine] = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, ""), after.get(name, "")
        if old == new:
            continue
        for text in difflib.unified_diff(
            old.splitlines(), new.splitlines(), fromfile=f"before/{name}", tofile=f"after/{name}", lineterm=""
        ):
            lines.append(DiffLine(_kind(text), text))
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], DiffLine("hunk", f"… {len(lines) - MAX_DIFF_LINES} more lines not shown")]
    return lines


def _kind(text: str) -> str:
    if text.startswith(("+++", "---")):
        return "file"
    if text.startswith("@@"):
        return "hunk"
    return {"+": "add", "-": "remove"}.get(text[:1], "same")


@dataclass(frozen=True)
class HistoryEntry:
    submission: Submission
    diff: list[DiffLine]
    first: bool


@bp.route("/tracks/<track_slug>/<slug>/history")
@login_required
def exercise_history(track_slug: str, slug: str) -> str:
    exercise = active_exercise(track_slug, slug)
    submissions = list(learner_submissions(exercise))
    entries = []
    for index, submission in enumerate(submissions):
        previous = submissions[index + 1] if index + 1 < len(submissions) else None
        diff = diff_files(previous.files, submission.files) if previous else []
        entries.append(HistoryEntry(submission, diff, previous is None))
    return render_template("learn/history.html", exercise=exercise, entries=entries)


@bp.route("/submissions/<int:submission_id>/restore", methods=["POST"])
@login_required
def restore_submission(submission_id: int) -> Response:
    """Put a past version back in the editor (as the draft); nothing is submitted."""
    submission = owned_submission(submission_id)
    exercise = submission.exercise
    save_draft(current_user.id, exercise, submission.files)
    flash(f"Restored the code of #{submission.id} into the editor. Submit it when you are ready.", "success")
    return redirect(url_for("learn.exercise_page", track_slug=exercise.track.slug, slug=exercise.slug))
