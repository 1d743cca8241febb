import csv
import math

import numpy as np
from scipy.optimize import brentq, curve_fit
from scipy.stats import linregress


def load_xy(path):
    """The two columns of a CSV file with a header line, as a tuple of float arrays (x, y)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    table = np.array([[float(a), float(b)] for a, b in rows if a.strip()])
    return table[:, 0], table[:, 1]


def fit_line(x, y):
    """(slope, intercept, r_squared) of the least-squares line through the points."""
    result = linregress(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return float(result.slope), float(result.intercept), float(result.rvalue ** 2)


def fit_decay(t, y):
    """(A, k, c) of the least-squares fit of A * exp(-k * t) + c."""
    t, y = np.asarray(t, dtype=float), np.asarray(y, dtype=float)
    background = y.min()
    excess = y.max() - background
    # starting rate: the time the excess takes to fall to about a third
    below = np.flatnonzero(y - background < excess / math.e)
    k0 = 1 / (t[below[0]] - t[0]) if below.size and t[below[0]] > t[0] else 1 / (t.max() - t.min())
    params, _ = curve_fit(lambda t, A, k, c: A * np.exp(-k * t) + c, t, y, p0=(excess, k0, background),
                          maxfev=20_000)
    return tuple(float(p) for p in params)


def half_life(k):
    """ln(2) / k for a positive decay rate k."""
    if not k > 0:
        raise ValueError(f"the decay rate must be positive, got {k}")
    return math.log(2) / k


def time_to_reach(A, k, c, level):
    """The time t >= 0 where A * exp(-k * t) + c == level (ValueError if never)."""
    if k <= 0 or not c < level <= A + c:
        raise ValueError("the model never reaches that level")
    if level == A + c:
        return 0.0
    gap = lambda t: A * math.exp(-k * t) + c - level  # noqa: E731
    upper = 1 / k
    while gap(upper) > 0:
        upper *= 2
    return brentq(gap, 0.0, upper, xtol=1e-14, rtol=1e-14)
