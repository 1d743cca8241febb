import pytest


def test_load_example(submission):
    """load_xy("calibration.csv") returns the two columns"""
    x, y = submission.load_xy("calibration.csv")
    assert list(x[:3]) == [0.0, 2.0, 4.0]
    assert list(y[:3]) == pytest.approx([0.0157, 0.0941, 0.2102])


def test_half_life_example(submission):
    """half_life is ln 2 / k"""
    assert submission.half_life(0.0862470773) == pytest.approx(8.036761386695074)


def test_fit_line_example(submission):
    """fit_line of a perfect line"""
    slope, intercept, r_squared = submission.fit_line([0, 1, 2, 3], [1, 3, 5, 7])
    assert (slope, intercept, r_squared) == pytest.approx((2.0, 1.0, 1.0))
