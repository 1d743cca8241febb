"""Classes and roles: invite codes, joining, filtering by class, and who may teach."""

from __future__ import annotations

import csv
import io

from learnpath import cli
from learnpath.extensions import db
from learnpath.models import Classroom, User
from sqlalchemy import select
from teach_support import SOLUTION, graded, log_in, passing_report, user_with_role
from web_support import add_user


def test_learners_join_with_the_code_and_filters_narrow_to_the_class(app, client):
    """Can a learner join by invite code, and do dashboard and gradebook then filter by class?"""
    ada, bob = add_user(app, "ada@example.com"), add_user(app, "bob@example.com")
    graded(app, ada, passing_report(), files=SOLUTION)
    graded(app, bob, passing_report(), files=SOLUTION)
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    response = client.post("/teach/classes", data={"name": "Evening class"})
    assert response.status_code == 302
    with app.app_context():
        classroom = db.session.scalars(select(Classroom)).one()
        code, class_id = classroom.invite_code, classroom.id
    assert code in client.get(response.headers["Location"]).text
    client.post("/auth/logout")

    log_in(client, "ada@example.com")
    assert "No class has this code" in client.post("/classes/", data={"code": "NOPE"}).text
    spaced = " ".join(code.lower())
    assert client.post("/classes/", data={"code": spaced}).status_code == 302
    assert "Evening class" in client.get("/classes/").text
    client.post("/auth/logout")

    log_in(client, "teacher@example.com")
    rows = list(csv.reader(io.StringIO(client.get(f"/teach/gradebook.csv?class={class_id}").text)))
    assert [row[0] for row in rows[1:]] == ["ada@example.com"]
    assert "bob@example.com" not in client.get(f"/teach/tracks/basics?class={class_id}").text
    assert "<dt>Learners</dt><dd>1</dd>" in client.get(f"/teach/exercises/basics/add?class={class_id}").text
    assert client.get("/teach/?class=999").status_code == 404


def test_admins_grant_and_remove_the_instructor_role(app, client):
    """Can an admin make a learner an instructor and back, and never demote an admin from the site?"""
    learner = add_user(app, "ada@example.com")
    admin = user_with_role(app, "root@example.com", "admin")
    log_in(client, "root@example.com")
    assert "ada@example.com" in client.get("/admin/users").text
    client.post("/admin/users/role", data={"user_id": learner, "role": "instructor"})
    with app.app_context():
        assert db.session.get(User, learner).role == "instructor"
    client.post("/admin/users/role", data={"user_id": learner, "role": "learner"})
    client.post("/admin/users/role", data={"user_id": admin, "role": "learner"})
    assert client.post("/admin/users/role", data={"user_id": learner, "role": "admin"}).status_code == 400
    with app.app_context():
        assert db.session.get(User, learner).role == "learner"
        assert db.session.get(User, admin).role == "admin"


def test_create_admin_makes_a_new_admin_or_promotes_an_account(app, runner, tmp_path, monkeypatch):
    """Does `learnpath create-admin` create an admin who can log in, and promote an existing account?"""
    monkeypatch.setenv("LEARNPATH_INSTANCE_PATH", str(tmp_path / "instance"))
    typed = "s3cret pass\ns3cret pass\n"
    result = runner.invoke(cli.main, ["create-admin", "--email", "Root@Example.com"], input=typed)
    assert result.exit_code == 0, result.output
    add_user(app, "ada@example.com")
    result = runner.invoke(cli.main, ["create-admin", "--email", "ada@example.com"])
    assert result.exit_code == 0, result.output
    short = runner.invoke(cli.main, ["create-admin", "--email", "x@example.com", "--password", "short"])
    assert short.exit_code == 2 and "8 characters" in short.output
    with app.app_context():
        root = db.session.scalar(select(User).where(User.email == "root@example.com"))
        assert root.role == "admin" and root.check_password("s3cret pass")
        assert db.session.scalar(select(User.role).where(User.email == "ada@example.com")) == "admin"
        assert db.session.scalar(select(User).where(User.email == "x@example.com")) is None
