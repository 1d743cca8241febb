def hamming(a, b):
    """Number of positions where equal-length `a` and `b` differ; ValueError otherwise."""
    raise NotImplementedError("write hamming")


def edit_distance(a, b):
    """Fewest single-letter insertions, deletions and substitutions turning `a` into `b`."""
    raise NotImplementedError("write edit_distance")


def nw_score(a, b, match=1, mismatch=-1, gap=-2):
    """Score of the best global alignment of `a` and `b` (linear gap penalty)."""
    raise NotImplementedError("write nw_score")


def nw_align(a, b, match=1, mismatch=-1, gap=-2):
    """(score, aligned_a, aligned_b) for one best global alignment."""
    raise NotImplementedError("write nw_align")
