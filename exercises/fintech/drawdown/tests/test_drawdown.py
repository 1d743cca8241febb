import math

import numpy as np
import pytest


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def equity_curve(seed, n=250):
    rng = np.random.default_rng(seed)
    return (1000 * np.cumprod(1 + rng.normal(0.0004, 0.015, n))).round(2).tolist()


def reference_drawdowns(values):
    values = np.asarray(values, dtype=float)
    return values / np.maximum.accumulate(values) - 1


def raises_value_error(call, what, advice):
    try:
        result = call()
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}, "
                             f"not ValueError; {advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising ValueError; {advice}")


def result_of(submission, values, what):
    got = submission.max_drawdown(values)
    assert isinstance(got, dict), f"max_drawdown of {what} returned a {kind(got)}; return a dict"
    missing = [k for k in ("depth", "peak", "trough", "recovery") if k not in got]
    assert not missing, f"max_drawdown of {what} has no key {missing[0]!r}"
    depth = got["depth"]
    assert isinstance(depth, (int, float, np.number)) and not isinstance(depth, bool), (
        f"max_drawdown of {what}: depth is a {kind(depth)}; it must be a number"
    )
    for key in ("peak", "trough", "recovery"):
        value = got[key]
        assert value is None or (isinstance(value, (int, np.integer)) and not isinstance(value, bool)), (
            f"max_drawdown of {what}: {key} is a {kind(value)}; it must be an int index or None"
        )
    return got


def check(got, what, depth, peak, trough, recovery):
    if depth < 0 and got["depth"] > 0:
        raise AssertionError(f"max_drawdown of {what}: depth is positive; a drawdown is a fall, so it is negative "
                             "(value / high - 1)")
    assert close(float(got["depth"]), depth), (
        f"max_drawdown of {what}: depth is not the lowest drawdown; measure each "
        "value against the highest value *before* it (the running maximum), not against the overall maximum"
    )
    assert got["trough"] == trough, (
        f"max_drawdown of {what}: trough is the wrong index; it is the index of the lowest drawdown "
        "(the first one if it happens twice)"
    )
    assert got["peak"] == peak, (
        f"max_drawdown of {what}: peak is the wrong index; it is the last index at or before the trough where the "
        "value equals the high it fell from"
    )
    assert got["recovery"] == recovery, (
        f"max_drawdown of {what}: recovery is wrong; it is the first index after the trough where "
        "the value is at or above the peak value, or None if that never happens"
    )


# ------------------------------------------------------------------ drawdowns


@pytest.mark.points(2)
def test_drawdowns_running_max(submission):
    """drawdowns measures each value against the highest value so far"""
    for seed in (1, 2):
        values = equity_curve(seed)
        got = submission.drawdowns(values)
        assert isinstance(got, (list, tuple, np.ndarray)), f"drawdowns returned a {kind(got)}; return a list"
        got = np.asarray(got, dtype=float)
        assert len(got) == len(values), (
            "drawdowns of a long equity curve returned the wrong number of values; return one drawdown per value"
        )
        assert (got <= 1e-12).all(), "drawdowns has positive values; a drawdown is value / running max - 1, never above 0"
        expected = reference_drawdowns(values)
        if np.allclose(got, np.asarray(values) / max(values) - 1):
            raise AssertionError("drawdowns compared every value with the overall maximum; use the highest value "
                                 "*so far* (the running maximum)")
        assert np.allclose(got, expected, rtol=1e-9, atol=1e-12), (
            "drawdowns returned wrong values; at each index it is value / (highest value up to that index) - 1"
        )


def test_drawdowns_edge_cases(submission):
    """drawdowns of no values, one value and rising values"""
    assert list(submission.drawdowns([])) == [], "drawdowns([]) must be []"
    got = submission.drawdowns([42.0])
    assert len(got) == 1 and close(float(got[0]), 0.0), "drawdowns of a single value must be [0.0]"
    got = submission.drawdowns([1, 2, 3, 3, 4])
    assert all(close(float(v), 0.0) for v in got), "drawdowns of values that never fall must all be 0"


def test_non_positive_values(submission):
    """drawdowns and max_drawdown raise ValueError for a zero or negative value"""
    for name in ("drawdowns", "max_drawdown"):
        raises_value_error(lambda: getattr(submission, name)([100, 0, 50]), f"{name} of values with a zero",
                           "every value must be positive: check them first")
        raises_value_error(lambda: getattr(submission, name)([100, 120, -5]), f"{name} of values with a negative one",
                           "every value must be positive: check them first")


# ------------------------------------------------------------------ max_drawdown


@pytest.mark.points(3)
def test_max_drawdown_running_high(submission):
    """max_drawdown uses the high before the trough, not the overall high or low"""
    values = [100, 60, 200, 180]
    got = result_of(submission, values, "values that fall, then reach a new high")
    check(got, "values that fall, then reach a new high", -0.4, 0, 1, 2)
    values = [50, 100, 80, 120, 70, 110, 130]
    got = result_of(submission, values, "values with several falls")
    check(got, "values with several falls", 70 / 120 - 1, 3, 4, 6)


@pytest.mark.points(2)
def test_max_drawdown_equity_curves(submission):
    """max_drawdown of long equity curves"""
    for seed in (3, 4, 5):
        values = equity_curve(seed)
        dd = reference_drawdowns(values)
        trough = int(np.argmin(dd))
        high = max(values[: trough + 1])
        peak = max(i for i in range(trough + 1) if values[i] == high)
        recovery = next((i for i in range(trough + 1, len(values)) if values[i] >= high), None)
        got = result_of(submission, values, "a long equity curve")
        check(got, "a long equity curve", float(dd[trough]), peak, trough, recovery)


@pytest.mark.points(2)
def test_max_drawdown_ties(submission):
    """max_drawdown picks the last index at the high as peak and the first lowest point as trough"""
    got = result_of(submission, [100, 90, 100, 80, 120], "values that touch the same high twice")
    check(got, "values that touch the same high twice", -0.2, 2, 3, 4)
    got = result_of(submission, [100, 50, 100, 50, 110], "values that hit the same low twice")
    check(got, "values that hit the same low twice", -0.5, 0, 1, 2)


@pytest.mark.points(2)
def test_max_drawdown_recovery(submission):
    """recovery counts a return to exactly the peak value, and is None without one"""
    got = result_of(submission, [100, 80, 100, 90], "values that return exactly to the peak")
    check(got, "values that return exactly to the peak", -0.2, 0, 1, 2)
    got = result_of(submission, [10, 8, 10, 7, 9], "values that never recover")
    check(got, "values that never recover", -0.3, 2, 3, None)


def test_max_drawdown_no_fall(submission):
    """max_drawdown of values that never fall has depth 0 and no indexes"""
    for values, what in (([1, 2, 3, 5, 8], "rising values"), ([5, 5, 5], "constant values"), ([7], "a single value")):
        got = result_of(submission, values, what)
        assert close(float(got["depth"]), 0.0), f"max_drawdown of {what}: depth must be 0.0"
        assert (got["peak"], got["trough"], got["recovery"]) == (None, None, None), (
            f"max_drawdown of {what}: peak, trough and recovery must be None when there is no drawdown"
        )


def test_max_drawdown_empty(submission):
    """max_drawdown([]) raises ValueError"""
    raises_value_error(lambda: submission.max_drawdown([]), "max_drawdown([])", "there is nothing to measure")


# ------------------------------------------------------------------ time under water


@pytest.mark.points(2)
def test_time_under_water(submission):
    """time_under_water is the longest run of consecutive values below a previous high"""
    cases = [([100, 90, 95, 99, 100, 80, 100], 3, "values with two falls"),
             ([100, 90, 100, 90, 80, 85, 70, 60], 5, "values that fall until the end"),
             ([100, 99, 101, 100, 102, 101], 1, "values with short dips"),
             ([1, 2, 3, 4], 0, "rising values"), ([], 0, "no values")]
    for values, expected, what in cases:
        got = submission.time_under_water(values)
        assert isinstance(got, (int, np.integer)) and not isinstance(got, bool), (
            f"time_under_water of {what} returned a {kind(got)}; return an int"
        )
        if expected == 3 and got == 4:
            raise AssertionError("time_under_water added up all the periods below a high; it is the longest run "
                                 "of *consecutive* ones")
        assert got == expected, (
            f"time_under_water of {what} is wrong; count the longest run of consecutive values whose "
            "drawdown is below zero (a value back at the high ends the run)"
        )
    values = equity_curve(6)
    below = reference_drawdowns(values) < 0
    longest = run = 0
    for flag in below:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    assert submission.time_under_water(values) == longest, "time_under_water of a long equity curve is wrong"
