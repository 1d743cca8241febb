"""Preview: an exercise as a learner sees it, plus its hidden tests and reference solution.

Code graded from here goes through the same queue, workers and sandboxes as learners' work (mode
"preview", never counted), so the instructor sees exactly the verdict a learner would get, the web
process never waits on a sandbox, and it works the same when grading runs on other machines.
"""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, url_for
from flask_login import current_user
from gradekit.errors import SpecError
from werkzeug.wrappers import Response

from learnpath import queue
from learnpath.learn.views import media_url
from learnpath.render import render_statement
from learnpath.teach import bp
from learnpath.teach.forms import preview_form
from learnpath.teach.regrading import exercise_spec
from learnpath.teach.views import exercise_by_key


@bp.route("/exercises/<track_slug>/<slug>/preview", methods=["GET", "POST"])
def preview(track_slug: str, slug: str) -> str | Response:
    exercise = exercise_by_key(track_slug, slug)
    try:
        spec = exercise_spec(current_app._get_current_object(), exercise)  # type: ignore[attr-defined]
    except (SpecError, OSError) as exc:
        abort(404, f"The exercise's files cannot be read: {exc}")
    solution = spec.solution_files()
    form = preview_form(list(spec.files), solution)
    if form.validate_on_submit():
        files = solution if form.reference.data else form.files()
        submission = queue.enqueue(current_user, exercise, files, "preview")
        return redirect(url_for("teach.submission_page", submission_id=submission.id))
    tests = [(path.name, path.name in spec.visible_tests, path.read_text(encoding="utf-8"))
             for path in spec.test_files()]
    return render_template("teach/preview.html", exercise=exercise, spec=spec,
                           statement=render_statement(spec.statement(), media_url(track_slug, slug)),
                           starter=spec.starter_files(),
                           solution=solution, tests=tests, form=form)
