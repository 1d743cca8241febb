import numpy as np

G, C, A, T = (ord(letter) for letter in "GCAT")


def _codes(seq):
    return np.frombuffer(seq.upper().encode("ascii", "replace"), dtype=np.uint8)


def _masks(seq):
    codes = _codes(seq)
    is_gc = (codes == G) | (codes == C)
    is_base = is_gc | (codes == A) | (codes == T)
    return is_gc, is_base


def gc_content(seq):
    """Fraction of G and C among the A/C/G/T letters (any case); ValueError if there are none."""
    is_gc, is_base = _masks(seq)
    bases = int(is_base.sum())
    if bases == 0:
        raise ValueError("no A, C, G or T in the sequence")
    return int(is_gc.sum()) / bases


def gc_windows(seq, window, step=None):
    """[(start, gc or None)] for every full window; step defaults to window."""
    if step is None:
        step = window
    if window < 1 or step < 1:
        raise ValueError("window and step must be positive")
    is_gc, is_base = _masks(seq)
    gc_sums = np.concatenate(([0], np.cumsum(is_gc)))
    base_sums = np.concatenate(([0], np.cumsum(is_base)))
    starts = np.arange(0, len(seq) - window + 1, step)
    gc = gc_sums[starts + window] - gc_sums[starts]
    bases = base_sums[starts + window] - base_sums[starts]
    return [(int(s), int(g) / int(b) if b else None) for s, g, b in zip(starts, gc, bases)]


def gc_skew(seq):
    """Cumulative G - C counts: len(seq) + 1 integers starting with 0."""
    codes = _codes(seq)
    steps = (codes == G).astype(np.int64) - (codes == C).astype(np.int64)
    return np.concatenate(([0], np.cumsum(steps))).astype(int).tolist()


def min_skew_positions(seq):
    """Every index of the minimum of gc_skew(seq), increasing."""
    skew = np.array(gc_skew(seq))
    return np.flatnonzero(skew == skew.min()).tolist()


def highest_gc(path):
    """(id, gc) of the FASTA record with the highest GC content (first on a tie)."""
    with open(path, encoding="utf-8") as handle:
        chunks = handle.read().split(">")[1:]
    best_name, best_gc = None, -1.0
    for chunk in chunks:
        header, _, body = chunk.partition("\n")
        lines = [line.strip() for line in body.splitlines() if not line.strip().startswith(";")]
        sequence = "".join(lines)
        is_gc, is_base = _masks(sequence)
        if not is_base.any():
            continue
        gc = int(is_gc.sum()) / int(is_base.sum())
        if gc > best_gc:
            best_name, best_gc = header.split()[0], gc
    return best_name, best_gc
