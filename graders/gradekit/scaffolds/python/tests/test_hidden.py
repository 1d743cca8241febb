"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


def test_blank(submission):
    """word_count() of a blank text"""
    assert submission.word_count("   ") == 0, "a text of spaces has no words"


@pytest.mark.points(2)
def test_any_whitespace(submission):
    """word_count() with tabs, newlines and repeated spaces"""
    assert submission.word_count("one\ttwo\n three  four") == 4, "split on any whitespace, not only one space"
