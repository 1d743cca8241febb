"""Database models: users, the catalog, submissions and reports, progress, classes and regrades."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator
from werkzeug.security import check_password_hash, generate_password_hash

from learnpath.extensions import db

ROLES = ("learner", "instructor", "admin")
MODES = ("submit", "examples", "preview")  # preview: an instructor's run, never counted
STATES = ("queued", "running", "done")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime; SQLite keeps it as naive UTC text, PostgreSQL as timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}; use learnpath.models.utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="learner")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_instructor(self) -> bool:
        """Instructors and admins see the teaching pages."""
        return self.role in ("instructor", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Track(db.Model):
    __tablename__ = "tracks"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    exercises: Mapped[list[Exercise]] = relationship(back_populates="track", order_by="Exercise.position")


class Exercise(db.Model):
    __tablename__ = "exercises"
    __table_args__ = (UniqueConstraint("track_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("tracks.id"))
    slug: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(130), unique=True)  # "track/slug", gradekit's id
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(default=0)
    difficulty: Mapped[int] = mapped_column(default=1)
    statement_md: Mapped[str] = mapped_column(Text)
    starter_files: Mapped[dict[str, str]] = mapped_column(JSON)
    files: Mapped[list[str]] = mapped_column(JSON)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    hints: Mapped[list[str]] = mapped_column(JSON, default=list)
    hints_after: Mapped[int] = mapped_column(default=0)
    requires: Mapped[list[str]] = mapped_column(JSON, default=list)
    visible_tests: Mapped[list[str]] = mapped_column(JSON, default=list)
    timeout: Mapped[float] = mapped_column(Float, default=20.0)  # limits.timeout, sizes the lease
    content_hash: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)

    track: Mapped[Track] = relationship(back_populates="exercises")


class Submission(db.Model):
    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_state_created_at", "state", "created_at"),
        Index("ix_submissions_user_id_exercise_id", "user_id", "exercise_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    files: Mapped[dict[str, str]] = mapped_column(JSON)
    mode: Mapped[str] = mapped_column(String(16), default="submit")
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempt: Mapped[int] = mapped_column(default=0)  # claims so far
    lease_token: Mapped[str | None] = mapped_column(String(64))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    worker: Mapped[str | None] = mapped_column(String(200))
    grader_failures: Mapped[int] = mapped_column(default=0)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # last wake-up message sent for it
    status: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
    exercise: Mapped[Exercise] = relationship()
    report: Mapped[Report | None] = relationship(back_populates="submission")


class Report(db.Model):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), unique=True)
    body: Mapped[str] = mapped_column(Text)  # the learnpath.report/1 JSON, as written
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="report")

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.body)


class Progress(db.Model):
    __tablename__ = "progress"
    __table_args__ = (UniqueConstraint("user_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    status: Mapped[str] = mapped_column(String(16), default="in_progress")
    best_score: Mapped[float] = mapped_column(Float, default=0.0)  # best score / max_score, 0..1
    attempts: Mapped[int] = mapped_column(default=0)  # counted submits; grader errors excluded
    first_passed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Classroom(db.Model):
    """A class an instructor teaches; learners join it with its invite code."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    invite_code: Mapped[str] = mapped_column(String(32), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User] = relationship()
    members: Mapped[list[ClassMember]] = relationship(back_populates="classroom", cascade="all, delete-orphan")


class ClassMember(db.Model):
    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


REGRADE_STATES = ("running", "done")


class Regrade(db.Model):
    """Learners' standing submissions graded again after an exercise's tests changed."""

    __tablename__ = "regrades"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    started_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    tests_hash: Mapped[str] = mapped_column(String(64))  # the suite the submissions are graded against
    state: Mapped[str] = mapped_column(String(16), default="running")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    exercise: Mapped[Exercise] = relationship()
    started_by: Mapped[User] = relationship()
    items: Mapped[list[RegradeItem]] = relationship(back_populates="regrade", order_by="RegradeItem.id")


class RegradeItem(db.Model):
    """One submission of a regrade: its verdict before and, once graded, after.

    The original report stays as written (reports are written once); the new one is kept here.
    """

    __tablename__ = "regrade_items"
    __table_args__ = (UniqueConstraint("regrade_id", "submission_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regrade_id: Mapped[int] = mapped_column(ForeignKey("regrades.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"))
    old_status: Mapped[str | None] = mapped_column(String(16))
    old_score: Mapped[float | None] = mapped_column(Float)
    new_status: Mapped[str | None] = mapped_column(String(16))  # None until graded
    new_score: Mapped[float | None] = mapped_column(Float)
    new_max_score: Mapped[float | None] = mapped_column(Float)
    report_body: Mapped[str | None] = mapped_column(Text)
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    regrade: Mapped[Regrade] = relationship(back_populates="items")
    submission: Mapped[Submission] = relationship()

    @property
    def changed(self) -> bool:
        """Whether the verdict or the share of points changed (3 of 3 after 2 of 2 is no change)."""
        if self.new_status is None:
            return False
        before = (self.old_score or 0) / self.submission.max_score if self.submission.max_score else 0.0
        after = (self.new_score or 0) / self.new_max_score if self.new_max_score else 0.0
        return self.new_status != self.old_status or abs(after - before) > 1e-9

    @property
    def report(self) -> dict[str, Any] | None:
        return json.loads(self.report_body) if self.report_body else None
