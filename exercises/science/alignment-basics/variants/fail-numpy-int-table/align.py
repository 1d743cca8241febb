import numpy as np


def hamming(a, b):
    if len(a) != len(b):
        raise ValueError("different lengths")
    return int(sum(x != y for x, y in zip(a, b)))


def edit_distance(a, b):
    d = np.zeros((len(a) + 1, len(b) + 1), dtype=int)
    d[:, 0] = np.arange(len(a) + 1)
    d[0, :] = np.arange(len(b) + 1)
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (a[i - 1] != b[j - 1]))
    return int(d[-1, -1])


def _table(a, b, match, mismatch, gap):
    t = np.zeros((len(a) + 1, len(b) + 1), dtype=int)
    t[:, 0] = np.arange(len(a) + 1) * gap
    t[0, :] = np.arange(len(b) + 1) * gap
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            s = match if a[i - 1] == b[j - 1] else mismatch
            t[i, j] = max(t[i - 1, j - 1] + s, t[i - 1, j] + gap, t[i, j - 1] + gap)
    return t


def nw_score(a, b, match=1, mismatch=-1, gap=-2):
    return int(_table(a, b, match, mismatch, gap)[-1, -1])


def nw_align(a, b, match=1, mismatch=-1, gap=-2):
    t = _table(a, b, match, mismatch, gap)
    i, j, top, bot = len(a), len(b), "", ""
    while i or j:
        if i and j and t[i, j] == t[i - 1, j - 1] + (match if a[i - 1] == b[j - 1] else mismatch):
            top, bot, i, j = a[i - 1] + top, b[j - 1] + bot, i - 1, j - 1
        elif i and t[i, j] == t[i - 1, j] + gap:
            top, bot, i = a[i - 1] + top, "-" + bot, i - 1
        else:
            top, bot, j = "-" + top, b[j - 1] + bot, j - 1
    return int(t[-1, -1]), top, bot
