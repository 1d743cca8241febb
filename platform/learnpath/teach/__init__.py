"""Teaching: dashboards, previews, regrades, similarity and classes, for instructors and admins only."""

from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user
from werkzeug.wrappers import Response

from learnpath.extensions import login_manager

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.before_request
def instructors_only() -> Response | None:
    """Anonymous visitors are sent to log in; learners get 403 on every teaching page."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_instructor:
        abort(403)
    return None


from learnpath.teach import classes, preview, regrade_views, similarity_views, views  # noqa: E402, F401
