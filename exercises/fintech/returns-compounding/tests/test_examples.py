import pytest


def test_simple_returns_example(submission):
    """simple_returns([100, 110, 99]) is about [0.1, -0.1]"""
    assert list(submission.simple_returns([100, 110, 99])) == pytest.approx([0.1, -0.1])


def test_total_return_example(submission):
    """+10 % then -10 % compounds to -1 %"""
    assert submission.total_return([0.1, -0.1]) == pytest.approx(-0.01)


def test_future_value_example(submission):
    """1000 at 5 % for 10 years, compounded yearly"""
    assert submission.future_value(1000, 0.05, 10) == pytest.approx(1628.894626777442)
