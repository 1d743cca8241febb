"""Views for administration: the list of users and their roles."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from learnpath.admin import bp
from learnpath.admin.forms import RoleForm
from learnpath.extensions import db
from learnpath.models import User

PAGE_SIZE = 100


@bp.route("/users")
def users() -> str:
    query = (request.args.get("q") or "").strip()
    statement = select(User).order_by(User.role.desc(), User.email)
    if query:
        statement = statement.where(User.email.contains(query) | User.display_name.contains(query))
    found = db.session.scalars(statement.limit(PAGE_SIZE)).all()
    return render_template("admin/users.html", users=found, query=query, form=RoleForm())


@bp.route("/users/role", methods=["POST"])
def set_role() -> Response:
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400, "Choose learner or instructor.")
    user = db.session.get(User, form.user_id.data)
    if user is None:
        abort(404)
    if user.is_admin:
        flash(f"{user.email} is an admin; change admins with `learnpath create-admin`.", "error")
    else:
        user.role = form.role.data
        db.session.commit()
        flash(f"{user.email} is now {'an instructor' if user.role == 'instructor' else 'a learner'}.", "success")
    return redirect(url_for("admin.users", q=request.args.get("q", "")))
