import math

import numpy as np
from scipy.optimize import curve_fit


def load_xy(path):
    """The two columns of a CSV file with a header line, as a tuple of float arrays (x, y)."""
    x, y = np.loadtxt(path, delimiter=",", skiprows=1, unpack=True)
    return x, y


def fit_line(x, y):
    """(slope, intercept, r_squared) of the least-squares line through the points."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    residuals = y - (slope * x + intercept)
    r_squared = 1 - np.sum(residuals ** 2) / np.sum((y - y.mean()) ** 2)
    return float(slope), float(intercept), float(r_squared)


def _decay(t, A, k, c):
    return A * np.exp(-k * t) + c


def fit_decay(t, y):
    """(A, k, c) of the least-squares fit of A * exp(-k * t) + c."""
    t, y = np.asarray(t, dtype=float), np.asarray(y, dtype=float)
    guess = (y[0] - y[-1], 1 / (t[-1] - t[0]), y[-1])
    (A, k, c), _ = curve_fit(_decay, t, y, p0=guess, maxfev=10_000)
    return float(A), float(k), float(c)


def half_life(k):
    """ln(2) / k for a positive decay rate k."""
    if k <= 0:
        raise ValueError("k must be positive")
    return math.log(2) / k


def time_to_reach(A, k, c, level):
    """The time t >= 0 where A * exp(-k * t) + c == level (ValueError if never)."""
    if not c < level <= A + c or k <= 0:
        raise ValueError("the model never reaches that level")
    return -math.log((level - c) / A) / k
