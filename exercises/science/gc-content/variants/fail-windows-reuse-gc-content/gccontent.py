def _counts(seq):
    seq = seq.upper()
    gc = seq.count("G") + seq.count("C")
    return gc, gc + seq.count("A") + seq.count("T")


def gc_content(seq):
    """Fraction of G and C among the A/C/G/T letters (any case); ValueError if there are none."""
    gc, bases = _counts(seq)
    if bases == 0:
        raise ValueError("the sequence has no A, C, G or T")
    return gc / bases


def gc_windows(seq, window, step=None):
    """[(start, gc or None)] for every full window; step defaults to window."""
    step = window if step is None else step
    if window < 1 or step < 1:
        raise ValueError("window and step must be at least 1")
    result = []
    for start in range(0, len(seq) - window + 1, step):
        result.append((start, gc_content(seq[start:start + window])))
    return result


def gc_skew(seq):
    """Cumulative G - C counts: len(seq) + 1 integers starting with 0."""
    skew = [0]
    for base in seq.upper():
        skew.append(skew[-1] + (base == "G") - (base == "C"))
    return skew


def min_skew_positions(seq):
    """Every index of the minimum of gc_skew(seq), increasing."""
    skew = gc_skew(seq)
    lowest = min(skew)
    return [i for i, value in enumerate(skew) if value == lowest]


def _records(path):
    name, pieces = None, []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith(";"):
                continue
            if line.startswith(">"):
                if name is not None:
                    yield name, "".join(pieces)
                name, pieces = line[1:].split()[0], []
            else:
                pieces.append(line)
    if name is not None:
        yield name, "".join(pieces)


def highest_gc(path):
    """(id, gc) of the FASTA record with the highest GC content (first on a tie)."""
    best = None
    for name, seq in _records(path):
        gc, bases = _counts(seq)
        if bases and (best is None or gc / bases > best[1]):
            best = (name, gc / bases)
    return best
