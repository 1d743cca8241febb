"""Does the catalog follow the content files without ever losing a learner's work?"""

from __future__ import annotations

import pytest
from gradekit.errors import SpecError
from gradekit.spec import load_catalog
from learnpath.catalog import sync_catalog
from learnpath.cli import main
from learnpath.extensions import db
from learnpath.models import Exercise, Submission, Track
from sqlalchemy import select
from web_support import add_user, submit


def exercises(app):
    with app.app_context():
        return {e.key: (e.id, e.title, e.position, e.active) for e in db.session.scalars(select(Exercise))}


def test_sync_loads_tracks_and_exercises_in_order(app):
    """Are the track and its exercises stored with their positions, statement and starter?"""
    with app.app_context():
        track = db.session.scalar(select(Track))
        assert (track.slug, track.title, track.role, track.position) == (
            "basics",
            "Python basics",
            "Backend developer",
            0,
        )
        add, shout = track.exercises
        assert (add.key, add.position, shout.key, shout.position) == ("basics/add", 0, "basics/shout", 1)
        assert add.starter_files == {"calc.py": "def add(a, b):\n    return 0\n"}
        assert add.files == ["calc.py"] and add.visible_tests == ["test_examples.py"]
        assert shout.requires == ["add"] and add.timeout == 10
        assert add.statement_md.startswith("# Add") and len(add.content_hash) == 64


def test_editing_an_exercise_updates_it_in_place_and_keeps_submissions(app, content):
    """After an author edits an exercise and syncs, is it the same row with the same submissions?"""
    submission_id = submit(app, add_user(app))
    before = exercises(app)
    toml = content / "exercises" / "basics" / "add" / "exercise.toml"
    toml.write_text(toml.read_text().replace("Add two numbers", "Add numbers"))
    result = sync_catalog(app)
    after = exercises(app)
    assert after["basics/add"][0] == before["basics/add"][0]
    assert after["basics/add"][1] == "Add numbers"
    assert (result.created, result.deactivated) == (0, 0)
    with app.app_context():
        assert db.session.get(Submission, submission_id).exercise.title == "Add numbers"


def test_a_removed_exercise_is_retired_not_deleted(app, content, client):
    """When an exercise leaves its track, is it hidden but kept with its submissions?"""
    submission_id = submit(app, add_user(app), key="basics/shout", files={"shout.py": ""})
    track = content / "tracks" / "basics.toml"
    track.write_text(track.read_text().replace('["add", "shout"]', '["add"]'))
    result = sync_catalog(app)
    assert result.deactivated == 1
    assert exercises(app)["basics/shout"][3] is False
    with app.app_context():
        assert db.session.get(Submission, submission_id) is not None
    assert b"Shout" not in client.get("/tracks/basics").data


def test_a_malformed_exercise_stops_the_sync_with_the_authors_fix(app, content):
    """Does a bad exercise.toml raise a message naming the file, the field and the fix?"""
    toml = content / "exercises" / "basics" / "add" / "exercise.toml"
    toml.write_text(toml.read_text().replace('kind = "python"', 'kind = "cobol"'))
    with pytest.raises(SpecError) as raised:
        sync_catalog(app)
    assert str(toml) in str(raised.value) and "`kind`" in str(raised.value)
    assert exercises(app)["basics/add"][1] == "Add two numbers"


def test_cli_sync_exits_2_with_the_message(runner, content, tmp_path, monkeypatch):
    """Does `learnpath sync` refuse a malformed exercise with exit 2 and its message verbatim?"""
    monkeypatch.setenv("LEARNPATH_INSTANCE_PATH", str(tmp_path / "cli-instance"))
    monkeypatch.setenv("LEARNPATH_CONTENT_ROOT", str(content))
    ok = runner.invoke(main, ["sync"])
    assert ok.exit_code == 0, ok.output
    assert "1 tracks, 2 exercises (2 new, 0 retired)" in ok.stderr
    toml = content / "exercises" / "basics" / "add" / "exercise.toml"
    toml.write_text('colour = "blue"\n' + toml.read_text())
    with pytest.raises(SpecError) as raised:
        load_catalog(content)
    bad = runner.invoke(main, ["sync"])
    assert bad.exit_code == 2
    assert bad.stderr == f"{raised.value}\n"
    assert str(toml) in bad.stderr and "`colour` is not a known field" in bad.stderr


def test_cli_db_upgrade_creates_the_database(runner, tmp_path, monkeypatch):
    """Does `learnpath db upgrade` create the SQLite database in the instance folder?"""
    monkeypatch.setenv("LEARNPATH_INSTANCE_PATH", str(tmp_path / "cli-instance"))
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli-instance" / "learnpath.sqlite3").is_file()
