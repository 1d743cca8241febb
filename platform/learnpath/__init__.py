"""learnpath: the Flask site where learners work through tracks and get graded feedback."""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from learnpath import transports
from learnpath.config import DEFAULTS, REPO_ROOT, finish_config
from learnpath.extensions import csrf, db, login_manager


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then LEARNPATH_* variables, then `test_config`."""
    test_config = test_config or {}
    instance_path = Path(
        test_config.get("INSTANCE_PATH") or os.environ.get("LEARNPATH_INSTANCE_PATH") or REPO_ROOT / "instance"
    ).resolve()
    app = Flask(__name__, instance_path=str(instance_path))
    instance_path.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(copy.deepcopy(DEFAULTS))  # nested defaults are per app
    app.config.from_prefixed_env("LEARNPATH")
    app.config.from_mapping(test_config)
    finish_config(app.config, instance_path)

    db.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    with app.app_context():
        sqlite = db.engine.dialect.name == "sqlite"
        if sqlite:
            event.listen(db.engine, "connect", _sqlite_pragmas)
    app.extensions["learnpath.wakeups"] = []
    # Graders of this process take turns to write to SQLite (see learnpath.queue.writer).
    app.extensions["learnpath.writer"] = threading.RLock() if sqlite else contextlib.nullcontext()
    transports.init_app(app)

    from learnpath import admin, api, auth, classes, learn, teach

    app.register_blueprint(auth.bp)
    app.register_blueprint(learn.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(teach.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(classes.bp)
    _register_error_pages(app)
    app.after_request(_security_headers)
    if not app.testing:
        _freeze_startup_objects()
    return app


def _freeze_startup_objects() -> None:
    """Keep what start-up made (modules, classes, the app: some 90,000 objects that live as long as
    the process) out of the garbage collector's full passes. A full pass over them holds the GIL
    for about 50 ms and so stalls every request thread of the process; frozen, a pass sees only
    what requests made since. Garbage of start-up is collected first, so none is frozen."""
    gc.collect()
    gc.freeze()


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets pages be read while a worker writes a report; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        message = "The form expired or was sent from another site. Reload the page and try again."
        return render_template("errors/error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        return render_template("errors/error.html", code=code, message=error.description), code

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_unavailable(error: OperationalError | InterfaceError) -> Response:
        # A database that is restarting or unreachable is an outage to wait out, not a bug.
        app.logger.warning("database unavailable: %s", error.orig)
        db.session.remove()
        message = "The database is unreachable right now. Work already submitted is safe; try again in a minute."
        if request.path.startswith("/api/"):
            response = jsonify({"error": message})
        else:
            # Rendered without context processors: they would ask the database for the current user.
            page = app.jinja_env.get_template("errors/503.html").render(message=message)
            response = make_response(page)
        response.status_code = 503
        response.headers["Retry-After"] = "30"
        return response

    @app.errorhandler(500)
    def server_error(_error: Exception) -> tuple[str, int]:
        return render_template("errors/500.html"), 500
