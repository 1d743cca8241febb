def test_revcomp_example(submission):
    """reverse_complement("AAACGTNg")"""
    assert submission.reverse_complement("AAACGTNg") == "CNACGTTT"


def test_kmer_counts_example(submission):
    """kmer_counts("ACGTTACGA", 3)"""
    assert submission.kmer_counts("ACGTTACGA", 3) == {"ACG": 2, "CGT": 1, "GTT": 1, "TTA": 1, "TAC": 1, "CGA": 1}


def test_motif_example(submission):
    """motif_positions finds overlapping matches"""
    assert submission.motif_positions("GATATATGCATATACTT", "ATAT") == [1, 3, 9]
