"""Are suspiciously alike submissions flagged, and honest ones left alone?"""

from __future__ import annotations

from learnpath.teach.similarity import fingerprints, normalized_tokens, similar_pairs, similarity
from teach_support import failing_report, graded, log_in, user_with_role
from web_support import add_user

ORIGINAL = '''
def add(a, b):
    """Add two numbers, checking their types."""
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        raise TypeError("numbers only")
    total = a
    for _ in range(1):
        total = total + b
    return total
'''
DISGUISED = '''
# my own work
def add(x, y):
    if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
        raise TypeError("only numbers please")
    result = x
    for i in range(1):
        result = result + y

    return result
'''
HONEST = '''
def add(a, b):
    return sum([a, b])
'''


def test_renaming_comments_and_layout_do_not_hide_a_copy():
    """Do renamed variables, new comments, strings and blank lines leave the fingerprint the same?"""
    assert normalized_tokens("x = 1  # note\n") == ["N", "=", "0"]
    assert similarity(fingerprints(ORIGINAL), fingerprints(DISGUISED)) > 0.9  # only the docstring differs
    assert similarity(fingerprints(ORIGINAL), fingerprints(HONEST)) < 0.5


def test_code_everyone_was_given_does_not_count():
    """Are two submissions that only share the starter left unflagged?"""
    codes = {1: ORIGINAL + HONEST, 2: ORIGINAL + "\nprint(add(1, 2))\n"}
    assert similar_pairs(codes)
    assert similar_pairs(codes, baseline=ORIGINAL) == []


def test_code_that_is_not_python_is_still_compared():
    """Does a submission with a syntax error still get fingerprints?"""
    assert fingerprints("def broken(:\n    return ((( 1 2 3 4 5 6") != set()


def test_the_page_flags_a_pair_and_shows_it_side_by_side(app, client):
    """Does an instructor see the pair of alike submissions and can open them side by side?"""
    ada, bob, eve = (add_user(app, f"{name}@example.com") for name in ("ada", "bob", "eve"))
    first = graded(app, ada, failing_report(), files={"calc.py": ORIGINAL})
    second = graded(app, bob, failing_report(), files={"calc.py": DISGUISED})
    graded(app, eve, failing_report(), files={"calc.py": HONEST})
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    page = client.get("/teach/exercises/basics/add/similarity").text
    assert "1 pair flagged" in page and f"/teach/similarity/{first}/{second}" in page
    pair = client.get(f"/teach/similarity/{first}/{second}").text
    assert "total = total + b" in pair and "result = result + y" in pair
