"""Learning: the catalog of tracks, exercises, submitting, feedback, history and progress."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("learn", __name__)

from learnpath.learn import dashboard, feedback, history, views  # noqa: E402, F401  (registers the routes on bp)
