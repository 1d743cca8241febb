import math

import numpy as np
from scipy.optimize import curve_fit


def load_xy(path):
    """The two columns of a CSV file with a header line, as a tuple of float arrays (x, y)."""
    data = np.genfromtxt(path, delimiter=",", skip_header=2)
    return data[:, 0], data[:, 1]


def fit_line(x, y):
    """(slope, intercept, r_squared) of the least-squares line through the points."""
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    r = np.corrcoef(x, y)[0, 1]
    return float(slope), float(intercept), float(r ** 2)


def fit_decay(t, y):
    """(A, k, c) of the least-squares fit of A * exp(-k * t) + c."""
    t, y = np.array(t, dtype=float), np.array(y, dtype=float)
    p0 = (y[0] - y[-1], 1 / (t[-1] - t[0]), y[-1])
    (A, k, c), _ = curve_fit(lambda t, A, k, c: A * np.exp(-k * t) + c, t, y, p0=p0, maxfev=10000)
    return float(A), float(k), float(c)


def half_life(k):
    """ln(2) / k for a positive decay rate k."""
    if k <= 0:
        raise ValueError("k must be positive")
    return math.log(2) / k


def time_to_reach(A, k, c, level):
    """The time t >= 0 where A * exp(-k * t) + c == level (ValueError if never)."""
    if not (c < level <= A + c):
        raise ValueError("never reaches that level")
    return math.log(A / (level - c)) / k
