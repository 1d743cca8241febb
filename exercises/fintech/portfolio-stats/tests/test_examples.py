import numpy as np
import pytest


def test_weights_example(submission):
    """weights([2000, 6000, 2000]) is [0.2, 0.6, 0.2]"""
    assert list(submission.weights([2000, 6000, 2000])) == pytest.approx([0.2, 0.6, 0.2])


def test_portfolio_returns_example(submission):
    """An equal-weight portfolio of two assets over three days"""
    got = submission.portfolio_returns([[0.01, 0.02], [-0.02, 0.00], [0.03, 0.01]], [0.5, 0.5])
    assert list(np.asarray(got)) == pytest.approx([0.015, -0.01, 0.02])


def test_volatility_example(submission):
    """annualized_volatility of four daily returns"""
    got = submission.annualized_volatility([0.01, -0.02, 0.015, 0.005], periods_per_year=252)
    assert got == pytest.approx(0.24677925358506134, rel=1e-6)
