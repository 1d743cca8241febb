"""Views for joining classes."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from learnpath.classes import bp
from learnpath.classes.forms import JoinForm
from learnpath.extensions import db
from learnpath.models import ClassMember, Classroom


@bp.route("/", methods=["GET", "POST"])
@login_required
def my_classes() -> str | Response:
    form = JoinForm()
    if form.validate_on_submit():
        classroom = db.session.scalar(select(Classroom).where(Classroom.invite_code == form.code.data))
        if classroom is None:
            form.code.errors.append("No class has this code; check it with your instructor.")
        else:
            member = db.session.scalar(
                select(ClassMember).where(ClassMember.class_id == classroom.id, ClassMember.user_id == current_user.id)
            )
            if member is None:
                db.session.add(ClassMember(class_id=classroom.id, user_id=current_user.id))
                db.session.commit()
                flash(f"You joined {classroom.name}.", "success")
            else:
                flash(f"You are already in {classroom.name}.", "info")
            return redirect(url_for("classes.my_classes"))
    joined = db.session.scalars(
        select(Classroom).join(ClassMember, ClassMember.class_id == Classroom.id)
        .where(ClassMember.user_id == current_user.id).order_by(Classroom.name)
    ).all()
    return render_template("classes/classes.html", form=form, joined=joined)
