"""Does the app factory configure itself safely from defaults, the environment and the instance?"""

from __future__ import annotations

import gc
import stat

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from learnpath import create_app
from learnpath.database import upgrade_database
from learnpath.extensions import Base, db
from sqlalchemy import inspect


def test_secret_key_is_generated_once_and_kept_private(tmp_path):
    """Is a missing SECRET_KEY generated, stored with mode 0600 and reused by the next start?"""
    first = create_app({"INSTANCE_PATH": str(tmp_path)})
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) == 64
    second = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_a_serving_app_keeps_its_start_up_objects_out_of_full_collections(tmp_path):
    """Is what start-up made frozen for a serving app (a full collection over it would stall every
    request thread), and left alone for a test app?"""
    gc.unfreeze()
    try:
        create_app({"INSTANCE_PATH": str(tmp_path), "TESTING": True})
        assert gc.get_freeze_count() == 0
        create_app({"INSTANCE_PATH": str(tmp_path)})
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_environment_overrides_defaults(tmp_path, monkeypatch):
    """Do LEARNPATH_* variables set the instance folder and typed config values?"""
    monkeypatch.setenv("LEARNPATH_INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.setenv("LEARNPATH_GRADING_WORKERS", "5")
    monkeypatch.setenv("LEARNPATH_SESSION_COOKIE_SECURE", "true")
    app = create_app()
    assert app.instance_path == str(tmp_path / "inst")
    assert app.config["GRADING_WORKERS"] == 5
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'inst' / 'learnpath.sqlite3'}"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_session_cookie_is_http_only_and_same_site(client, auth):
    """Is the session cookie out of reach of scripts and of cross-site requests?"""
    response = auth.register()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_pages_send_security_headers(client):
    """Do pages forbid inline scripts, framing and content sniffing?"""
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_migrations_create_exactly_the_models(app):
    """Does the migrated schema match the models, with nothing left for autogenerate to add?"""
    with app.app_context(), db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"users", "tracks", "exercises", "submissions", "reports", "progress"} <= tables
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrade_twice_is_harmless(app):
    """Can `db upgrade` run again on an up-to-date database?"""
    upgrade_database(app)


def test_unknown_page_is_a_friendly_404(client):
    """Does a missing page say so, inside the site's layout?"""
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert b"Page not found" in response.data and b"learnpath" in response.data
