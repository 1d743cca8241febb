"""Drawdowns with numpy's running maximum and boolean masks."""

import numpy as np


def _values(values):
    array = np.asarray(list(values), dtype=float)
    if (array <= 0).any():
        raise ValueError("every value must be positive")
    return array


def _drawdowns(array):
    return array / np.maximum.accumulate(array) - 1


def drawdowns(values):
    array = _values(values)
    return _drawdowns(array).tolist() if array.size else []


def max_drawdown(values):
    array = _values(values)
    if not array.size:
        raise ValueError("no values")
    dd = _drawdowns(array)
    trough = int(np.argmin(dd))
    if dd[trough] >= 0:
        return {"depth": 0.0, "peak": None, "trough": None, "recovery": None}
    high = np.maximum.accumulate(array)[trough]
    peak = int(np.flatnonzero(array[: trough + 1] == high)[-1])
    later = np.flatnonzero(array[trough + 1:] >= high)
    recovery = int(trough + 1 + later[0]) if later.size else None
    return {"depth": float(dd[trough]), "peak": peak, "trough": trough, "recovery": recovery}


def time_under_water(values):
    below = np.concatenate([[False], _drawdowns(_values(values)) < 0, [False]]).astype(int)
    edges = np.diff(below)
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return int((ends - starts).max()) if starts.size else 0
