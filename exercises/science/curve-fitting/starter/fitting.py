import numpy as np
from scipy.optimize import curve_fit


def load_xy(path):
    """The two columns of a CSV file with a header line, as a tuple of float arrays (x, y)."""
    raise NotImplementedError("write load_xy")


def fit_line(x, y):
    """(slope, intercept, r_squared) of the least-squares line through the points."""
    raise NotImplementedError("write fit_line")


def fit_decay(t, y):
    """(A, k, c) of the least-squares fit of A * exp(-k * t) + c."""
    raise NotImplementedError("write fit_decay")


def half_life(k):
    """ln(2) / k for a positive decay rate k."""
    raise NotImplementedError("write half_life")


def time_to_reach(A, k, c, level):
    """The time t >= 0 where A * exp(-k * t) + c == level (ValueError if never)."""
    raise NotImplementedError("write time_to_reach")
