"""Views for classes: an instructor creates one and shares its invite code; members are listed."""

from __future__ import annotations

import secrets

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from learnpath.extensions import db
from learnpath.models import Classroom
from learnpath.teach import bp
from learnpath.teach.forms import ClassForm

# No 0/O or 1/I/L: codes are read aloud and copied from slides.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_invite_code(length: int = 8) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
        if db.session.scalar(select(Classroom.id).where(Classroom.invite_code == code)) is None:
            return code


@bp.route("/classes", methods=["GET", "POST"])
def classes() -> str | Response:
    form = ClassForm()
    if form.validate_on_submit():
        classroom = Classroom(name=form.name.data, invite_code=new_invite_code(), owner_id=current_user.id)
        db.session.add(classroom)
        db.session.commit()
        flash(f"Class created. Learners join it with the code {classroom.invite_code}.", "success")
        return redirect(url_for("teach.class_page", class_id=classroom.id))
    found = db.session.scalars(select(Classroom).order_by(Classroom.created_at.desc())).all()
    return render_template("teach/classes.html", classes=found, form=form)


@bp.route("/classes/<int:class_id>")
def class_page(class_id: int) -> str:
    classroom = db.session.get(Classroom, class_id)
    if classroom is None:
        abort(404)
    return render_template("teach/class.html", classroom=classroom)
