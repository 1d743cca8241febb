"""Views for regrades: start one for an exercise whose tests changed, watch it, see what changed."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from learnpath.extensions import db
from learnpath.models import Regrade
from learnpath.teach import bp
from learnpath.teach.forms import RegradeForm
from learnpath.teach.regrading import current_tests_hash, launch, stale_submissions, start_regrade
from learnpath.teach.views import exercise_by_key


@bp.route("/exercises/<track_slug>/<slug>/regrade", methods=["POST"])
def regrade_exercise(track_slug: str, slug: str) -> Response:
    exercise = exercise_by_key(track_slug, slug)
    if not RegradeForm().validate_on_submit():
        abort(400)
    suite = current_tests_hash(exercise)
    stale = stale_submissions(exercise, suite) if suite else []
    if not stale:
        flash("Every standing submission was judged by the current tests; nothing to regrade.", "info")
        return redirect(url_for("teach.exercise_page", track_slug=track_slug, slug=slug))
    regrade = start_regrade(exercise, current_user, suite or "", stale)
    return redirect(url_for("teach.regrade_page", regrade_id=regrade.id))


@bp.route("/regrades/<int:regrade_id>")
def regrade_page(regrade_id: int) -> str:
    regrade = db.session.get(Regrade, regrade_id)
    if regrade is None:
        abort(404)
    graded = [item for item in regrade.items if item.new_status is not None]
    if regrade.state == "running":
        # Resumes a regrade whose process stopped; does nothing while a thread here runs it.
        launch(current_app._get_current_object(), regrade.id)  # type: ignore[attr-defined]
    changed = [item for item in graded if item.changed]
    return render_template("teach/regrade.html", regrade=regrade, graded=graded, changed=changed,
                           form=RegradeForm())
