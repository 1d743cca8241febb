def gc_content(seq):
    """Fraction of G and C among the A/C/G/T letters (any case); ValueError if there are none."""
    seq = seq.upper()
    bases = sum(seq.count(base) for base in "ACGT")
    if bases == 0:
        raise ValueError("no bases")
    return (seq.count("G") + seq.count("C")) / bases


def gc_windows(seq, window, step=None):
    """[(start, gc or None)] for every full window; step defaults to window."""
    step = window if step is None else step
    if window < 1 or step < 1:
        raise ValueError("window and step must be at least 1")
    result = []
    for start in range(0, len(seq) - window + 1, step):
        part = seq[start:start + window]
        try:
            result.append((start, gc_content(part)))
        except ValueError:
            result.append((start, None))
    return result


def gc_skew(seq):
    """Cumulative G - C counts: len(seq) + 1 integers starting with 0."""
    skew = [0]
    for base in seq.upper():
        skew.append(skew[-1] + {"G": 1, "C": -1}.get(base, 0))
    return skew


def min_skew_positions(seq):
    """Every index of the minimum of gc_skew(seq), increasing."""
    skew = gc_skew(seq)
    return [i for i, value in enumerate(skew) if value == min(skew)]


def highest_gc(path):
    """(id, gc) of the FASTA record with the highest GC content (first on a tie)."""
    records, name = {}, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith(">"):
                name = line[1:].split()[0]
                records[name] = ""
            elif line and name is not None:
                records[name] += line
    best = None
    for name, seq in records.items():
        try:
            gc = gc_content(seq)
        except ValueError:
            continue
        if best is None or gc >= best[1]:
            best = (name, gc)
    return best
