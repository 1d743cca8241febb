"""How learners do: per-exercise statistics, failing tests, per-learner progress and the gradebook.

Only learners' counted submits are statistics: example runs, instructors' previews and grader
errors are left out. A class narrows everything to its members.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select

from learnpath.extensions import db
from learnpath.models import ClassMember, Exercise, Progress, Report, Submission, User

JUDGED = ("pass", "fail")


@dataclass
class ExerciseStats:
    """One exercise's numbers over a set of learners."""

    exercise: Exercise
    learners: int = 0  # learners who submitted at least once
    attempts: int = 0  # counted submits
    passed: int = 0  # learners who passed
    attempts_to_pass: list[int] = field(default_factory=list)  # per passing learner
    time_to_pass: list[timedelta] = field(default_factory=list)  # first submission to first pass

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.learners if self.learners else None

    @property
    def median_attempts(self) -> float | None:
        return statistics.median(self.attempts_to_pass) if self.attempts_to_pass else None

    @property
    def median_time(self) -> timedelta | None:
        if not self.time_to_pass:
            return None
        return timedelta(seconds=statistics.median(t.total_seconds() for t in self.time_to_pass))


@dataclass
class FailingTest:
    """A test that failed in learners' submits, and what they were told."""

    test_id: str
    name: str
    failures: int
    learners: int
    messages: list[tuple[str, int]]  # the commonest messages, with how often each was shown


def learner_ids(class_id: int | None) -> Select[tuple[int]]:
    """The ids of learners, or of one class's members who are learners."""
    statement = select(User.id).where(User.role == "learner")
    if class_id is not None:
        statement = statement.join(ClassMember, ClassMember.user_id == User.id).where(ClassMember.class_id == class_id)
    return statement


def counted_submits(exercise_ids: Iterable[int], class_id: int | None) -> Sequence[Submission]:
    """Learners' judged submits to these exercises, oldest first."""
    return db.session.scalars(
        select(Submission)
        .where(
            Submission.exercise_id.in_(list(exercise_ids)),
            Submission.mode == "submit",
            Submission.status.in_(JUDGED),
            Submission.user_id.in_(learner_ids(class_id)),
        )
        .order_by(Submission.created_at, Submission.id)
    ).all()


def exercise_stats(exercises: Sequence[Exercise], class_id: int | None = None) -> dict[int, ExerciseStats]:
    result = {exercise.id: ExerciseStats(exercise) for exercise in exercises}
    by_learner: dict[tuple[int, int], list[Submission]] = defaultdict(list)
    for submission in counted_submits(result, class_id):
        by_learner[(submission.exercise_id, submission.user_id)].append(submission)
    for (exercise_id, _user_id), submissions in by_learner.items():
        stats = result[exercise_id]
        stats.learners += 1
        stats.attempts += len(submissions)
        first_pass = next((i for i, s in enumerate(submissions) if s.status == "pass"), None)
        if first_pass is not None:
            stats.passed += 1
            stats.attempts_to_pass.append(first_pass + 1)
            passed = submissions[first_pass]
            stats.time_to_pass.append((passed.finished_at or passed.created_at) - submissions[0].created_at)
    return result


def failing_tests(exercise: Exercise, class_id: int | None = None, limit: int = 10) -> list[FailingTest]:
    """The tests learners' submits fail most, with the messages the learners saw."""
    rows = db.session.execute(
        select(Submission.user_id, Report.body)
        .join(Report, Report.submission_id == Submission.id)
        .where(
            Submission.exercise_id == exercise.id,
            Submission.mode == "submit",
            Submission.status == "fail",
            Submission.user_id.in_(learner_ids(class_id)),
        )
    ).all()
    failures: Counter[str] = Counter()
    names: dict[str, str] = {}
    learners: dict[str, set[int]] = defaultdict(set)
    messages: dict[str, Counter[str]] = defaultdict(Counter)
    for user_id, body in rows:
        for test in json.loads(body).get("tests", []):
            if test.get("status") in ("fail", "error"):
                test_id = str(test.get("id", ""))
                failures[test_id] += 1
                names[test_id] = str(test.get("name") or test_id)
                learners[test_id].add(user_id)
                messages[test_id][str(test.get("message") or "(no message)")] += 1
    return [
        FailingTest(test_id, names[test_id], count, len(learners[test_id]), messages[test_id].most_common(3))
        for test_id, count in failures.most_common(limit)
    ]


@dataclass
class LearnerRow:
    """One learner's standing across a set of exercises."""

    user: User
    progress: dict[int, Progress]  # by exercise id
    last_activity: datetime | None

    def done(self, exercises: Iterable[Exercise]) -> int:
        return sum(1 for e in exercises if (p := self.progress.get(e.id)) and p.status == "done")


def learner_rows(exercises: Sequence[Exercise], class_id: int | None = None) -> list[LearnerRow]:
    """Learners (of the class, if given) with their progress on `exercises`, most recently active first."""
    ids = [e.id for e in exercises]
    users = db.session.scalars(select(User).where(User.id.in_(learner_ids(class_id))).order_by(User.email)).all()
    progress: dict[int, dict[int, Progress]] = defaultdict(dict)
    for row in db.session.scalars(
        select(Progress).where(Progress.exercise_id.in_(ids), Progress.user_id.in_([u.id for u in users]))
    ):
        progress[row.user_id][row.exercise_id] = row
    last = last_activity([u.id for u in users])
    rows = [LearnerRow(u, progress[u.id], last.get(u.id)) for u in users]
    never = datetime.min.replace(tzinfo=None)
    rows.sort(key=lambda r: r.last_activity.replace(tzinfo=None) if r.last_activity else never, reverse=True)
    return rows


def last_activity(user_ids: Sequence[int]) -> dict[int, datetime]:
    """When each user last sent anything to be graded."""
    if not user_ids:
        return {}
    return dict(
        db.session.execute(
            select(Submission.user_id, func.max(Submission.created_at))
            .where(Submission.user_id.in_(list(user_ids)))
            .group_by(Submission.user_id)
        ).all()
    )


def gradebook(exercises: Sequence[Exercise], class_id: int | None = None) -> tuple[list[str], list[list[str]]]:
    """A header and one row per learner: email, name, then each exercise's best score in percent."""
    header = ["email", "name", *(e.key for e in exercises), "done", "last_activity"]
    rows = []
    for learner in learner_rows(exercises, class_id):
        scores = []
        for exercise in exercises:
            progress = learner.progress.get(exercise.id)
            scores.append("" if progress is None else f"{progress.best_score * 100:.0f}")
        last = learner.last_activity.strftime("%Y-%m-%dT%H:%M:%SZ") if learner.last_activity else ""
        rows.append([learner.user.email, learner.user.display_name, *scores, str(learner.done(exercises)), last])
    return header, rows
