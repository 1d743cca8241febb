"""Accounts: register, log in, log out."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from learnpath.auth import views  # noqa: E402, F401  (registers the routes on bp)
