def gc_content(seq):
    """Fraction of G and C among the A/C/G/T letters (any case); ValueError if there are none."""
    raise NotImplementedError("write gc_content")


def gc_windows(seq, window, step=None):
    """[(start, gc or None)] for every full window; step defaults to window."""
    raise NotImplementedError("write gc_windows")


def gc_skew(seq):
    """Cumulative G - C counts: len(seq) + 1 integers starting with 0."""
    raise NotImplementedError("write gc_skew")


def min_skew_positions(seq):
    """Every index of the minimum of gc_skew(seq), increasing."""
    raise NotImplementedError("write min_skew_positions")


def highest_gc(path):
    """(id, gc) of the FASTA record with the highest GC content (first on a tie)."""
    raise NotImplementedError("write highest_gc")
