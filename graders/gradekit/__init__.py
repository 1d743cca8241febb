"""gradekit: grades a learner's files against an exercise's hidden tests, in sandboxes.

`grade(exercise, files, settings)` returns a `learnpath.report/1` dict. gradekit never imports
Flask or learnpath.
"""

from __future__ import annotations

__version__ = "0.1.0"

from gradekit.grade import grade  # noqa: E402
from gradekit.settings import Settings  # noqa: E402
from gradekit.spec import Exercise, Limits, Track, load_catalog, load_exercise, load_track  # noqa: E402

__all__ = ["Exercise", "Limits", "Settings", "Track", "grade", "load_catalog", "load_exercise", "load_track"]
