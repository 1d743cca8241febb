def hamming(a, b):
    """Number of positions where equal-length `a` and `b` differ; ValueError otherwise."""
    if len(a) != len(b):
        raise ValueError("the sequences have different lengths")
    return sum(x != y for x, y in zip(a, b))


def edit_distance(a, b):
    """Fewest single-letter insertions, deletions and substitutions turning `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _table(a, b, match, mismatch, gap):
    rows, cols = len(a) + 1, len(b) + 1
    score = [[0] * cols for _ in range(rows)]
    for i in range(1, rows):
        score[i][0] = i * gap
    for j in range(1, cols):
        score[0][j] = j * gap
    for i in range(1, rows):
        for j in range(1, cols):
            diagonal = score[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch)
            score[i][j] = max(diagonal, score[i - 1][j] + gap, score[i][j - 1] + gap)
    return score


def nw_score(a, b, match=1, mismatch=-1, gap=-2):
    """Score of the best global alignment of `a` and `b` (linear gap penalty)."""
    return _table(a, b, match, mismatch, gap)[len(a)][len(b)]


def nw_align(a, b, match=1, mismatch=-1, gap=-2):
    """(score, aligned_a, aligned_b) for one best global alignment."""
    score = _table(a, b, match, mismatch, gap)
    top, bottom = [], []
    i, j = len(a), len(b)
    while i > 0 or j > 0:
        if i > 0 and j > 0 and score[i][j] == score[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch):
            top.append(a[i - 1])
            bottom.append(b[j - 1])
            i, j = i - 1, j - 1
        elif i > 0 and score[i][j] == score[i - 1][j] + gap:
            top.append(a[i - 1])
            bottom.append("-")
            i -= 1
        else:
            top.append("-")
            bottom.append(b[j - 1])
            j -= 1
    return score[len(a)][len(b)], "".join(reversed(top)), "".join(reversed(bottom))
