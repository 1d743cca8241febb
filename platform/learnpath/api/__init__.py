"""JSON endpoints used by the site's scripts."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from learnpath.api import views  # noqa: E402, F401  (registers the routes on bp)
