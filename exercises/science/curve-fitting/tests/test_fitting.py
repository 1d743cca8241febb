import math

import numpy as np
import pytest
from scipy.optimize import curve_fit


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def close(a, b, rel=1e-6):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)


def floats(value, n, what):
    assert isinstance(value, (tuple, list)) and len(value) == n, (
        f"{what} returned a {kind(value)}; return a tuple of {n} numbers"
    )
    for v in value:
        assert isinstance(v, (int, float, np.number)) and not isinstance(v, bool), (
            f"{what} returned a tuple holding a {kind(v)}; every item must be a number"
        )
    return tuple(float(v) for v in value)


def read(data_dir, name):
    return np.loadtxt(data_dir / name, delimiter=",", skiprows=1, unpack=True)


def model(t, A, k, c):
    return A * np.exp(-k * t) + c


def reference_decay(t, y):
    return curve_fit(model, t, y, p0=(y[0] - y[-1], 1 / (t[-1] - t[0]), y[-1]), maxfev=10_000)[0]


def reference_line(x, y):
    slope, intercept = np.polyfit(x, y, 1)
    r2 = 1 - np.sum((y - slope * x - intercept) ** 2) / np.sum((y - y.mean()) ** 2)
    return slope, intercept, r2


def raises_value_error(call, what, advice):
    try:
        result = call()
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}, not ValueError; "
                             f"{advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising ValueError; {advice}")


@pytest.mark.points(2)
def test_load_xy(submission, data_dir):
    """load_xy returns both columns of both files as float arrays"""
    for name in ("calibration.csv", "decay.csv"):
        got = submission.load_xy(name)
        assert isinstance(got, (tuple, list)) and len(got) == 2, f"load_xy({name!r}) returned a {kind(got)}; return (x, y)"
        x_ref, y_ref = read(data_dir, name)
        for column, ref, label in ((got[0], x_ref, "x"), (got[1], y_ref, "y")):
            arr = np.asarray(column, dtype=float)
            assert arr.shape == ref.shape, (
                f"load_xy({name!r}): {label} doesn't have one value per data row of the file; skip only the header"
            )
            assert np.allclose(arr, ref), f"load_xy({name!r}): the {label} column doesn't match the file"


@pytest.mark.points(3)
def test_fit_line(submission, data_dir):
    """fit_line returns the least-squares slope, intercept and R²"""
    x, y = read(data_dir, "calibration.csv")
    rng = np.random.default_rng(3)
    xs = np.linspace(-5, 15, 25)
    ys = -1.7 * xs + 22 + rng.normal(0, 2.5, xs.size)
    for (px, py), what in (((x, y), "the calibration data"), ((xs, ys), "a falling noisy line")):
        got = floats(submission.fit_line(px.tolist(), py.tolist()), 3, f"fit_line of {what}")
        slope, intercept, r2 = reference_line(px, py)
        if close(got[0], intercept) and close(got[1], slope):
            raise AssertionError(f"fit_line of {what} returned (intercept, slope, ...); return (slope, intercept, r_squared)")
        assert close(got[0], slope) and close(got[1], intercept), (
            f"fit_line of {what} returned the wrong slope or intercept; use the least-squares fit (np.polyfit(x, y, 1))"
        )
        if close(got[2], math.sqrt(r2)):
            raise AssertionError(f"fit_line of {what} returned r, the correlation coefficient; R² is its square "
                                 "(or 1 - SS_res / SS_tot)")
        assert close(got[2], r2), f"fit_line of {what} returned the wrong R²; it is 1 - SS_res / SS_tot"


@pytest.mark.points(4)
def test_fit_decay_file(submission, data_dir):
    """fit_decay fits A, k and c together to the tracer's decay"""
    t, y = read(data_dir, "decay.csv")
    A, k, c = floats(submission.fit_decay(t.tolist(), y.tolist()), 3, "fit_decay")
    ref = reference_decay(t, y)
    if abs(c) < 1e-9 or abs(c - ref[2]) > 0.5 * abs(ref[2]):
        raise AssertionError("fit_decay's background c is far off; fit A * exp(-k * t) + c with all three parameters "
                             "at once (curve_fit), not a line through log(y)")
    for got, want, name in ((A, ref[0], "A"), (k, ref[1], "k"), (c, ref[2], "c")):
        assert close(got, want, 1e-3), (
            f"fit_decay's {name} is off by more than 0.1 % from the least-squares fit; check the model "
            "A * np.exp(-k * t) + c, the order (A, k, c) and give curve_fit a sensible p0"
        )


@pytest.mark.points(2)
def test_fit_decay_exact(submission):
    """fit_decay recovers the parameters of noise-free data"""
    for A, k, c in ((500.0, 0.3, 10.0), (2.5, 1.7, 0.4), (80.0, 0.02, 200.0)):
        t = np.linspace(0, 5 / k, 30)
        y = model(t, A, k, c)
        got = floats(submission.fit_decay(t.tolist(), y.tolist()), 3, "fit_decay of noise-free data")
        assert all(close(g, w, 1e-3) for g, w in zip(got, (A, k, c))), (
            "fit_decay didn't recover the exact parameters of a noise-free decay; check the model and the order "
            "(A, k, c), and make the starting guess depend on the data (e.g. A ≈ y[0] - y[-1], c ≈ y[-1])"
        )


def test_half_life(submission):
    """half_life is ln 2 / k, and refuses k <= 0"""
    for k in (0.0862470773, 1.0, 0.001, 3.5):
        got = submission.half_life(k)
        assert isinstance(got, (int, float, np.number)), f"half_life returned a {kind(got)}; return a number"
        if close(float(got), 1 / k):
            raise AssertionError("half_life returned 1 / k (the mean lifetime); the half-life is ln 2 / k")
        assert close(float(got), math.log(2) / k), "half_life must be math.log(2) / k"
    for k, shown in ((0, "a k of zero"), (-0.1, "a negative k")):
        raises_value_error(lambda: submission.half_life(k), f"half_life of {shown}", "k must be positive")


@pytest.mark.points(2)
def test_time_to_reach(submission):
    """time_to_reach inverts the decay model"""
    for A, k, c, level in ((1200, 0.085, 40, 640), (1200, 0.085, 40, 1240), (10, 2.0, 0, 0.001), (50, 0.1, 5, 5.5)):
        got = submission.time_to_reach(A, k, c, level)
        assert isinstance(got, (int, float, np.number)), f"time_to_reach returned a {kind(got)}; return a number"
        assert close(float(got), -math.log((level - c) / A) / k, 1e-6), (
            "time_to_reach returned a time at which the model isn't at the level; solve A * exp(-k * t) + c = level"
        )
        assert math.isclose(model(float(got), A, k, c), level, rel_tol=1e-6), "time_to_reach's time doesn't give the level"


def test_time_to_reach_impossible(submission):
    """time_to_reach raises ValueError for levels the model never reaches"""
    for args, what in (((1200, 0.085, 40, 40), "the background level itself"), ((1200, 0.085, 40, 20), "a level below the background"),
                       ((1200, 0.085, 40, 1300), "a level above the start value")):
        raises_value_error(lambda: submission.time_to_reach(*args), f"time_to_reach for {what}",
                           "the model only takes values with c < level <= A + c")
