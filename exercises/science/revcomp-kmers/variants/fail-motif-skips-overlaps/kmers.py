from collections import Counter


def reverse_complement(seq):
    """The reverse complement of `seq` in upper case (A<->T, C<->G, N stays N); ValueError otherwise."""
    seq = seq.upper()
    if set(seq) - set("ACGTN"):
        raise ValueError("unexpected letters")
    return seq.translate(str.maketrans("ACGTN", "TGCAN"))[::-1]


def _kmers(seq, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    seq = seq.upper()
    for i in range(len(seq) - k + 1):
        kmer = seq[i:i + k]
        if all(base in "ACGT" for base in kmer):
            yield kmer


def kmer_counts(seq, k):
    """{k-mer: count} over overlapping k-mers, skipping k-mers with letters other than ACGT."""
    return dict(Counter(_kmers(seq, k)))


def canonical_kmer_counts(seq, k):
    """Like kmer_counts, counting each k-mer as min(kmer, reverse_complement(kmer))."""
    return dict(Counter(min(kmer, reverse_complement(kmer)) for kmer in _kmers(seq, k)))


def most_frequent_kmers(seq, k):
    """The most frequent k-mers, sorted A-Z."""
    counts = kmer_counts(seq, k)
    if not counts:
        return []
    top = max(counts.values())
    return sorted(kmer for kmer, n in counts.items() if n == top)


def motif_positions(seq, motif):
    """0-based starts of every (overlapping, case-insensitive) occurrence of `motif`."""
    seq, motif = seq.upper(), motif.upper()
    positions = []
    start = seq.find(motif)
    while start != -1:
        positions.append(start)
        start = seq.find(motif, start + len(motif))
    return positions
