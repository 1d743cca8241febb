def reverse_complement(seq):
    """The reverse complement of `seq` in upper case (A<->T, C<->G, N stays N); ValueError otherwise."""
    raise NotImplementedError("write reverse_complement")


def kmer_counts(seq, k):
    """{k-mer: count} over overlapping k-mers, skipping k-mers with letters other than ACGT."""
    raise NotImplementedError("write kmer_counts")


def canonical_kmer_counts(seq, k):
    """Like kmer_counts, counting each k-mer as min(kmer, reverse_complement(kmer))."""
    raise NotImplementedError("write canonical_kmer_counts")


def most_frequent_kmers(seq, k):
    """The most frequent k-mers, sorted A-Z."""
    raise NotImplementedError("write most_frequent_kmers")


def motif_positions(seq, motif):
    """0-based starts of every (overlapping, case-insensitive) occurrence of `motif`."""
    raise NotImplementedError("write motif_positions")
