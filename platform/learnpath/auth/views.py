"""Views for registering, logging in and logging out."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.wrappers import Response

from learnpath.auth import bp
from learnpath.auth.forms import LoginForm, RegisterForm
from learnpath.extensions import db, login_manager
from learnpath.models import User
from learnpath.throttle import clear_attempts, record_attempt, seconds_to_wait

LOGIN_WINDOW = timedelta(minutes=15)
REGISTER_WINDOW = timedelta(hours=1)

# Checked when the email is unknown, so a wrong email takes as long as a wrong password.
_UNKNOWN_USER_HASH = generate_password_hash("not a password")


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None (never another host or scheme)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if any(char in target for char in "\\\t\r\n") or not target.isprintable():
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def normalize_email(email: str) -> str:
    return email.strip().lower()


@bp.route("/register", methods=["GET", "POST"])
def register() -> str | Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("learn.catalog"))
    form = RegisterForm()
    if form.validate_on_submit():
        email = normalize_email(form.email.data or "")
        keys = [f"ip:{request.remote_addr}"]
        wait = seconds_to_wait("register", keys, current_app.config["REGISTRATIONS_PER_HOUR"], REGISTER_WINDOW)
        if wait:
            flash(f"Too many accounts were created from your address; try again in {_minutes(wait)}.", "error")
            return render_template("auth/register.html", form=form), 429
        if db.session.scalar(select(User.id).where(User.email == email)) is not None:
            form.email.errors.append("An account with this email already exists; log in instead.")
        else:
            user = User(email=email, display_name=(form.display_name.data or "").strip())
            user.set_password(form.password.data or "")
            db.session.add(user)
            db.session.commit()
            record_attempt("register", keys, REGISTER_WINDOW)
            session.clear()
            login_user(user)
            flash(f"Welcome, {user.display_name}! Pick a track to start.", "success")
            return redirect(url_for("learn.catalog"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response | tuple[str, int]:
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        email = normalize_email(form.email.data or "")
        keys = [f"ip:{request.remote_addr}", f"email:{email}"]
        limits = current_app.config["FAILED_LOGINS_PER_15_MINUTES"]
        wait = max(seconds_to_wait("login", keys[:1], limits["ip"], LOGIN_WINDOW),
                   seconds_to_wait("login", keys[1:], limits["email"], LOGIN_WINDOW))
        if wait:
            flash(f"Too many failed attempts; try again in {_minutes(wait)}.", "error")
            return render_template("auth/login.html", form=form), 429
        user = db.session.scalar(select(User).where(User.email == email))
        password = form.password.data or ""
        if user is not None and user.check_password(password):
            target = safe_next(form.next.data) or url_for("learn.catalog")
            clear_attempts("login", keys[1:])
            session.clear()
            login_user(user, remember=bool(form.remember.data))
            return redirect(target)
        if user is None:
            check_password_hash(_UNKNOWN_USER_HASH, password)
        record_attempt("login", keys, LOGIN_WINDOW)
        flash("The email or password is incorrect.", "error")
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    # A POST only, so CSRFProtect guards it: a link on another site cannot log anyone out.
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("learn.catalog"))


def _minutes(seconds: int) -> str:
    minutes = -(-seconds // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
