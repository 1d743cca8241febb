"""Is the repository laid out as DESIGN.md section 1 says?"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shipped_packages() -> dict[str, str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["setuptools"]["package-dir"]


def test_no_package_shadows_the_standard_library():
    """Does any shipped top-level package share its name with a standard-library module?"""
    clashes = sorted(name for name in shipped_packages() if name in sys.stdlib_module_names)
    assert clashes == []


def test_areas_hold_no_init_files():
    """Are platform/, graders/, tracks/ and exercises/ areas rather than packages?"""
    for area in ("platform", "graders", "tracks", "exercises"):
        assert not (ROOT / area / "__init__.py").exists(), area


def test_packages_live_where_design_says():
    """Do learnpath and gradekit live in platform/ and graders/?"""
    assert shipped_packages() == {"learnpath": "platform/learnpath", "gradekit": "graders/gradekit"}


def test_gradekit_never_imports_flask_or_learnpath():
    """Is the grading engine free of the web application?

    A kind for learners' Flask apps may import Flask: that code runs inside the learner's sandbox,
    beside the learner's app, never in the web application.
    """
    package = ROOT / "graders" / "gradekit"
    learner_side = {package / "kinds" / "flask.py", package / "kinds" / "flask_app.py"}
    learner_side |= set((package / "scaffolds").rglob("*.py"))
    for path in package.rglob("*.py"):
        text = path.read_text()
        words = ["import learnpath", "from learnpath"]
        if path not in learner_side:
            words += ["import flask", "from flask"]
        for word in words:
            assert word not in text, f"{path} mentions {word!r}"
