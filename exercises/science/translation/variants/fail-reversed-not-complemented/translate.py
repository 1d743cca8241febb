BASES = "TCAG"
AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
TABLE = {a + b + c: AMINO_ACIDS[16 * i + 4 * j + k]
         for i, a in enumerate(BASES) for j, b in enumerate(BASES) for k, c in enumerate(BASES)}


def codon_table():
    """{codon: amino acid} for all 64 DNA codons of the standard code ('*' for stop)."""
    return dict(TABLE)


def translate(seq, frame=0, to_stop=False):
    """The protein of `seq` read from index `frame`, one letter per complete codon."""
    if frame not in (0, 1, 2):
        raise ValueError("frame must be 0, 1 or 2")
    seq = seq.upper().replace("U", "T")
    protein = ""
    for i in range(frame, len(seq) - 2, 3):
        aa = TABLE.get(seq[i:i + 3], "X")
        if aa == "*" and to_stop:
            break
        protein += aa
    return protein


def reverse_complement(seq):
    return seq.upper().replace("U", "T")[::-1]


def six_frames(seq):
    """{"+1", "+2", "+3", "-1", "-2", "-3"} -> translation of that reading frame."""
    back = reverse_complement(seq)
    result = {}
    for f in range(3):
        result[f"+{f + 1}"] = translate(seq, f)
        result[f"-{f + 1}"] = translate(back, f)
    return result


def find_orfs(seq, min_length=1):
    """Distinct proteins from M to a stop in any of the six frames, sorted."""
    found = set()
    for protein in six_frames(seq).values():
        for start, aa in enumerate(protein):
            if aa != "M":
                continue
            end = protein.find("*", start)
            if end != -1 and end - start >= min_length:
                found.add(protein[start:end])
    return sorted(found)
