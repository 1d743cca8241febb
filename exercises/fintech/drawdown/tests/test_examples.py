import pytest

VALUES = [100, 120, 90, 95, 130, 104, 117, 135]


def test_drawdowns_example(submission):
    """drawdowns of the example values"""
    got = submission.drawdowns(VALUES)
    assert list(got) == pytest.approx([0.0, 0.0, -0.25, -0.2083333333, 0.0, -0.2, -0.1, 0.0])


def test_max_drawdown_example(submission):
    """max_drawdown of the example values: -25 % from index 1 to 2, recovered at 4"""
    got = submission.max_drawdown(VALUES)
    assert got["depth"] == pytest.approx(-0.25)
    assert (got["peak"], got["trough"], got["recovery"]) == (1, 2, 4)


def test_time_under_water_example(submission):
    """time_under_water of the example values is 2"""
    assert submission.time_under_water(VALUES) == 2
