"""Throttling sign-in and sign-up: recent attempts per client address and per account, kept in the database.

The database (not process memory) holds the attempts, so the limit holds across every web process.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import String, delete, func, select
from sqlalchemy.orm import Mapped, mapped_column

from learnpath.extensions import db
from learnpath.models import UTCDateTime, utcnow


class AuthAttempt(db.Model):
    """One throttled attempt: a failed login or a registration, under a key such as "ip:203.0.113.9"."""

    __tablename__ = "auth_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(16), index=True)
    key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


def seconds_to_wait(action: str, keys: list[str], limit: int, window: timedelta) -> int:
    """0 if another attempt is allowed now, else the seconds until the oldest counted one expires."""
    since = utcnow() - window
    for key in keys:
        count, oldest = db.session.execute(
            select(func.count(), func.min(AuthAttempt.created_at)).where(
                AuthAttempt.action == action, AuthAttempt.key == key, AuthAttempt.created_at >= since
            )
        ).one()
        if count >= limit and oldest is not None:
            oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
            return max(1, math.ceil((oldest + window - utcnow()).total_seconds()))
    return 0


def record_attempt(action: str, keys: list[str], window: timedelta) -> None:
    """Count one attempt under each key, and forget attempts older than `window`."""
    now = utcnow()
    db.session.execute(delete(AuthAttempt).where(AuthAttempt.action == action, AuthAttempt.created_at < now - window))
    db.session.add_all(AuthAttempt(action=action, key=key, created_at=now) for key in keys)
    db.session.commit()


def clear_attempts(action: str, keys: list[str]) -> None:
    db.session.execute(delete(AuthAttempt).where(AuthAttempt.action == action, AuthAttempt.key.in_(keys)))
    db.session.commit()
