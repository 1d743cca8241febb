"""A learner's workspace beside the submissions: the editor's saved draft and the hints revealed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from learnpath.extensions import db
from learnpath.models import Exercise, UTCDateTime, utcnow


class Draft(db.Model):
    """What the learner last typed for one exercise, saved as they type (one row per learner and exercise)."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("user_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    files: Mapped[dict[str, str]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(default=1)  # bumped on every save; the editor compares it
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HintReveal(db.Model):
    """How many of an exercise's hints a learner has asked to see, in the author's order."""

    __tablename__ = "hint_reveals"
    __table_args__ = (UniqueConstraint("user_id", "exercise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"))
    revealed: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def find_draft(user_id: int, exercise_id: int) -> Draft | None:
    return db.session.scalar(select(Draft).where(Draft.user_id == user_id, Draft.exercise_id == exercise_id))


def save_draft(user_id: int, exercise: Exercise, files: dict[str, str]) -> Draft:
    """Keep `files` (only the exercise's learner files) as the learner's draft and commit."""
    kept = {name: text.replace("\r\n", "\n") for name, text in files.items() if name in exercise.files}
    draft = find_draft(user_id, exercise.id)
    if draft is None:
        draft = Draft(user_id=user_id, exercise_id=exercise.id, files=kept, revision=1)
        db.session.add(draft)
    else:
        draft.files = {**draft.files, **kept}
        draft.revision += 1
        draft.updated_at = utcnow()
    db.session.commit()
    return draft


def hints_revealed(user_id: int, exercise_id: int) -> int:
    row = db.session.scalar(
        select(HintReveal).where(HintReveal.user_id == user_id, HintReveal.exercise_id == exercise_id)
    )
    return row.revealed if row else 0


def reveal_next_hint(user_id: int, exercise: Exercise) -> int:
    """Reveal one more hint (never past the last); return how many are revealed now."""
    row = db.session.scalar(
        select(HintReveal).where(HintReveal.user_id == user_id, HintReveal.exercise_id == exercise.id)
    )
    if row is None:
        row = HintReveal(user_id=user_id, exercise_id=exercise.id, revealed=0)
        db.session.add(row)
    row.revealed = min(row.revealed + 1, len(exercise.hints))
    row.updated_at = utcnow()
    db.session.commit()
    return row.revealed
