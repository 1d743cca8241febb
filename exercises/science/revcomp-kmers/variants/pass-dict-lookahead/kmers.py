import re

PAIRS = {"A": "T", "T": "A", "C": "G", "G": "C", "N": "N"}


def reverse_complement(seq):
    """The reverse complement of `seq` in upper case (A<->T, C<->G, N stays N); ValueError otherwise."""
    out = []
    for letter in reversed(seq.upper()):
        if letter not in PAIRS:
            raise ValueError(f"not a DNA letter: {letter!r}")
        out.append(PAIRS[letter])
    return "".join(out)


def kmer_counts(seq, k):
    """{k-mer: count} over overlapping k-mers, skipping k-mers with letters other than ACGT."""
    if k < 1:
        raise ValueError("k must be 1 or more")
    seq = seq.upper()
    counts = {}
    for match in re.finditer(f"(?=([ACGT]{{{k}}}))", seq):
        kmer = match.group(1)
        counts[kmer] = counts.get(kmer, 0) + 1
    return counts


def canonical_kmer_counts(seq, k):
    """Like kmer_counts, counting each k-mer as min(kmer, reverse_complement(kmer))."""
    counts = {}
    for kmer, n in kmer_counts(seq, k).items():
        key = min(kmer, reverse_complement(kmer))
        counts[key] = counts.get(key, 0) + n
    return counts


def most_frequent_kmers(seq, k):
    """The most frequent k-mers, sorted A-Z."""
    counts = kmer_counts(seq, k)
    best, found = 0, []
    for kmer, n in counts.items():
        if n > best:
            best, found = n, [kmer]
        elif n == best:
            found.append(kmer)
    return sorted(found)


def motif_positions(seq, motif):
    """0-based starts of every (overlapping, case-insensitive) occurrence of `motif`."""
    pattern = re.compile(f"(?={re.escape(motif)})", re.IGNORECASE)
    return [match.start() for match in pattern.finditer(seq)]
