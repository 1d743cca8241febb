"""Views for similar submissions: the flagged pairs of an exercise, and one pair side by side."""

from __future__ import annotations

import difflib

from flask import abort, render_template, request
from sqlalchemy import select

from learnpath.extensions import db
from learnpath.models import Submission
from learnpath.teach import bp
from learnpath.teach.similarity import code_of, similar_pairs
from learnpath.teach.stats import learner_ids
from learnpath.teach.views import exercise_by_key, selected_class

THRESHOLDS = (0.6, 0.7, 0.8, 0.9)


@bp.route("/exercises/<track_slug>/<slug>/similarity")
def similarity_page(track_slug: str, slug: str) -> str:
    exercise = exercise_by_key(track_slug, slug)
    classroom = selected_class()
    try:
        threshold = float(request.args.get("threshold", "0.8"))
    except ValueError:
        threshold = 0.8
    submissions = db.session.scalars(
        select(Submission)
        .where(Submission.exercise_id == exercise.id, Submission.mode == "submit",
               Submission.user_id.in_(learner_ids(classroom.id if classroom else None)))
        .order_by(Submission.created_at, Submission.id)
    ).all()
    # Each learner's latest submit stands for them: earlier drafts of one learner are alike by nature.
    latest = {s.user_id: s for s in submissions}
    by_id = {s.id: s for s in latest.values()}
    baseline = code_of(exercise.starter_files)
    pairs = similar_pairs({s.id: code_of(s.files) for s in by_id.values()}, baseline, threshold)
    return render_template("teach/similarity.html", exercise=exercise, pairs=pairs, by_id=by_id,
                           threshold=threshold, thresholds=THRESHOLDS, classroom=classroom, compared=len(by_id))


@bp.route("/similarity/<int:first_id>/<int:second_id>")
def similarity_pair(first_id: int, second_id: int) -> str:
    first, second = db.session.get(Submission, first_id), db.session.get(Submission, second_id)
    if first is None or second is None or first.exercise_id != second.exercise_id:
        abort(404)
    rows = list(difflib.SequenceMatcher(None, code_of(first.files).splitlines(),
                                        code_of(second.files).splitlines(), autojunk=False).get_opcodes())
    left, right = code_of(first.files).splitlines(), code_of(second.files).splitlines()
    lines = []
    for tag, i1, i2, j1, j2 in rows:
        for offset in range(max(i2 - i1, j2 - j1)):
            a = left[i1 + offset] if i1 + offset < i2 else ""
            b = right[j1 + offset] if j1 + offset < j2 else ""
            lines.append((tag, a, b))
    return render_template("teach/similarity_pair.html", first=first, second=second, lines=lines)
