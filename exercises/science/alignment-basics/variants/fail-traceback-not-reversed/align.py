def hamming(a, b):
    """Number of positions where equal-length `a` and `b` differ; ValueError otherwise."""
    if len(a) != len(b):
        raise ValueError("different lengths")
    return sum(1 for x, y in zip(a, b) if x != y)


def edit_distance(a, b):
    """Fewest single-letter insertions, deletions and substitutions turning `a` into `b`."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    return d[len(a)][len(b)]


def _fill(a, b, match, mismatch, gap):
    f = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        f[i][0] = i * gap
    for j in range(len(b) + 1):
        f[0][j] = j * gap
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            s = match if a[i - 1] == b[j - 1] else mismatch
            f[i][j] = max(f[i - 1][j - 1] + s, f[i - 1][j] + gap, f[i][j - 1] + gap)
    return f


def nw_score(a, b, match=1, mismatch=-1, gap=-2):
    """Score of the best global alignment of `a` and `b` (linear gap penalty)."""
    return _fill(a, b, match, mismatch, gap)[len(a)][len(b)]


def nw_align(a, b, match=1, mismatch=-1, gap=-2):
    """(score, aligned_a, aligned_b) for one best global alignment."""
    f = _fill(a, b, match, mismatch, gap)
    x, y = "", ""
    i, j = len(a), len(b)
    while i > 0 or j > 0:
        if i > 0 and j > 0 and f[i][j] == f[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch):
            x, y = x + a[i - 1], y + b[j - 1]
            i, j = i - 1, j - 1
        elif i > 0 and f[i][j] == f[i - 1][j] + gap:
            x, y = x + a[i - 1], y + "-"
            i -= 1
        else:
            x, y = x + "-", y + b[j - 1]
            j -= 1
    return f[len(a)][len(b)], x, y
