from itertools import product

BASES = "TCAG"
AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
CODONS = {"".join(codon): aa for codon, aa in zip(product(BASES, repeat=3), AMINO_ACIDS)}
COMPLEMENT = str.maketrans("ACGT", "TGCA")


def codon_table():
    """{codon: amino acid} for all 64 DNA codons of the standard code ('*' for stop)."""
    return dict(CODONS)


def _dna(seq):
    return seq.upper().replace("U", "T")


def translate(seq, frame=0, to_stop=False):
    """The protein of `seq` read from index `frame`, one letter per complete codon."""
    if frame not in (0, 1, 2):
        raise ValueError("frame must be 0, 1 or 2")
    seq = _dna(seq)
    protein = []
    for i in range(frame, len(seq) - 2, 3):
        aa = CODONS.get(seq[i:i + 3], "X")
        if aa == "*" and to_stop:
            break
        protein.append(aa)
    return "".join(protein)


def _reverse_complement(seq):
    return _dna(seq).translate(COMPLEMENT)[::-1]


def six_frames(seq):
    """{"+1", "+2", "+3", "-1", "-2", "-3"} -> translation of that reading frame."""
    back = _reverse_complement(seq)
    frames = {f"+{f + 1}": translate(seq, f) for f in range(3)}
    frames.update({f"-{f + 1}": translate(back, f) for f in range(3)})
    return frames


def find_orfs(seq, min_length=1):
    """Distinct proteins from M to a stop in any of the six frames, sorted."""
    found = set()
    for protein in six_frames(seq).values():
        for i, aa in enumerate(protein):
            if aa == "M":
                stop = protein.find("*", i)
                if stop != -1 and stop - i >= min_length:
                    found.add(protein[i:stop])
    return sorted(found)
