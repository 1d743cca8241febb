from functools import lru_cache

import numpy as np


def hamming(a, b):
    """Number of positions where equal-length `a` and `b` differ; ValueError otherwise."""
    if len(a) != len(b):
        raise ValueError(f"lengths differ: {len(a)} and {len(b)}")
    return int(np.count_nonzero(np.array(list(a), dtype=object) != np.array(list(b), dtype=object))) if a else 0


def edit_distance(a, b):
    """Fewest single-letter insertions, deletions and substitutions turning `a` into `b`."""

    @lru_cache(maxsize=None)
    def distance(i, j):
        # distance between the suffixes a[i:] and b[j:]
        if i == len(a):
            return len(b) - j
        if j == len(b):
            return len(a) - i
        return min(distance(i + 1, j) + 1, distance(i, j + 1) + 1, distance(i + 1, j + 1) + (a[i] != b[j]))

    return distance(0, 0)


def _table(a, b, match, mismatch, gap):
    """Scores of aligning the prefixes: rows follow b, columns follow a."""
    whole = all(isinstance(v, int) for v in (match, mismatch, gap))
    score = np.zeros((len(b) + 1, len(a) + 1), dtype=np.int64 if whole else float)
    score[0, :] = gap * np.arange(len(a) + 1)
    score[:, 0] = gap * np.arange(len(b) + 1)
    for j in range(1, len(b) + 1):
        for i in range(1, len(a) + 1):
            pair = match if a[i - 1] == b[j - 1] else mismatch
            score[j, i] = max(score[j - 1, i - 1] + pair, score[j, i - 1] + gap, score[j - 1, i] + gap)
    return score, whole


def nw_score(a, b, match=1, mismatch=-1, gap=-2):
    """Score of the best global alignment of `a` and `b` (linear gap penalty)."""
    score, whole = _table(a, b, match, mismatch, gap)
    best = score[len(b), len(a)]
    return int(best) if whole else float(best)


def nw_align(a, b, match=1, mismatch=-1, gap=-2):
    """(score, aligned_a, aligned_b) for one best global alignment."""
    score, whole = _table(a, b, match, mismatch, gap)
    top, bottom = "", ""
    i, j = len(a), len(b)
    while i or j:
        # prefer gaps over the diagonal: any best alignment is accepted
        if i and score[j, i] == score[j, i - 1] + gap:
            top, bottom, i = a[i - 1] + top, "-" + bottom, i - 1
        elif j and score[j, i] == score[j - 1, i] + gap:
            top, bottom, j = "-" + top, b[j - 1] + bottom, j - 1
        else:
            top, bottom = a[i - 1] + top, b[j - 1] + bottom
            i, j = i - 1, j - 1
    best = score[len(b), len(a)]
    return (int(best) if whole else float(best)), top, bottom
