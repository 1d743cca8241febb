"""Transports tell graders that a job is queued: the embedded worker pool, or Celery over a broker.

A transport's contract: it registers a wake-up callback in `app.extensions["learnpath.wakeups"]`,
called with a submission id after the queued row is committed. The row is the truth; a wake-up is
a hint that may be lost, so every transport also finds queued jobs on its own.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Connect the transport the configuration asks for (none needed for the embedded workers)."""
    if app.config.get("BROKER_URL"):
        from learnpath.transports import celery_app

        celery_app.init_app(app)
