"""Catalog sync: copy tracks and exercises from the content files into the database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from gradekit.spec import Exercise as ExerciseSpec
from gradekit.spec import Track as TrackSpec
from gradekit.spec import load_catalog
from sqlalchemy import select

from learnpath.extensions import db
from learnpath.models import Exercise, Track


@dataclass(frozen=True)
class SyncResult:
    """What one sync changed."""

    tracks: int
    exercises: int
    created: int
    deactivated: int


def content_hash(folder: Path) -> str:
    """SHA-256 over every file of an exercise folder, names included."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def sync_catalog(app: Flask) -> SyncResult:
    """Load CONTENT_ROOT and upsert its tracks and exercises by key; rows are never deleted.

    Raises gradekit.errors.SpecError, naming file, field and fix, when a content file is malformed;
    nothing is written then.
    """
    catalog = load_catalog(app.config["CONTENT_ROOT"])
    with app.app_context():
        tracks = {t.slug: t for t in db.session.scalars(select(Track))}
        exercises = {e.key: e for e in db.session.scalars(select(Exercise))}
        seen: set[str] = set()
        created = 0
        for position, spec in enumerate(catalog.tracks):
            track = tracks.get(spec.slug) or Track(slug=spec.slug)
            _copy_track(track, spec, position)
            db.session.add(track)
            for index, slug in enumerate(spec.exercises):
                key = f"{spec.slug}/{slug}"
                row = exercises.get(key)
                if row is None:
                    row = Exercise(key=key, slug=slug, track=track)
                    created += 1
                _copy_exercise(row, catalog.exercises[key], index)
                db.session.add(row)
                seen.add(key)
        live_tracks = {t.slug for t in catalog.tracks}
        for track in tracks.values():
            track.active = track.slug in live_tracks
        deactivated = 0
        for key, row in exercises.items():
            if key not in seen and row.active:
                row.active = False
                deactivated += 1
        db.session.commit()
    return SyncResult(len(catalog.tracks), len(seen), created, deactivated)


def _copy_track(track: Track, spec: TrackSpec, position: int) -> None:
    track.title = spec.title
    track.role = spec.role
    track.summary = spec.summary
    track.position = position
    track.active = True


def _copy_exercise(row: Exercise, spec: ExerciseSpec, position: int) -> None:
    row.title = spec.title
    row.summary = spec.summary
    row.kind = spec.kind
    row.position = position
    row.difficulty = spec.difficulty
    row.statement_md = spec.statement()
    row.starter_files = spec.starter_files()
    row.files = list(spec.files)
    row.skills = list(spec.skills)
    row.hints = list(spec.hints)
    row.hints_after = spec.hints_after
    row.requires = list(spec.requires)
    row.visible_tests = list(spec.visible_tests)
    row.timeout = spec.limits.timeout
    row.content_hash = content_hash(spec.path)
    row.active = True
