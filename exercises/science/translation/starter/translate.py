BASES = "TCAG"
AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"


def codon_table():
    """{codon: amino acid} for all 64 DNA codons of the standard code ('*' for stop)."""
    raise NotImplementedError("write codon_table")


def translate(seq, frame=0, to_stop=False):
    """The protein of `seq` read from index `frame`, one letter per complete codon."""
    raise NotImplementedError("write translate")


def six_frames(seq):
    """{"+1", "+2", "+3", "-1", "-2", "-3"} -> translation of that reading frame."""
    raise NotImplementedError("write six_frames")


def find_orfs(seq, min_length=1):
    """Distinct proteins from M to a stop in any of the six frames, sorted."""
    raise NotImplementedError("write find_orfs")
