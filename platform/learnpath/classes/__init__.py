"""Classes, from the learner's side: join one with its invite code and see the classes you are in."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("classes", __name__, url_prefix="/classes")

from learnpath.classes import views  # noqa: E402, F401
