import re

BASES = "TCAG"
AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
PARTNER = {"A": "T", "C": "G", "G": "C", "T": "A"}
ORF = re.compile(r"(?=(M[^*]*)\*)")


def codon_table():
    """{codon: amino acid} for all 64 DNA codons of the standard code ('*' for stop)."""
    table = {}
    index = 0
    for first in BASES:
        for second in BASES:
            for third in BASES:
                table[first + second + third] = AMINO_ACIDS[index]
                index += 1
    return table


TABLE = codon_table()


def translate(seq, frame=0, to_stop=False):
    """The protein of `seq` read from index `frame`, one letter per complete codon."""
    if frame not in {0, 1, 2}:
        raise ValueError(f"frame must be 0, 1 or 2, not {frame!r}")
    dna = seq.upper().replace("U", "T")[frame:]
    codons = [dna[i:i + 3] for i in range(0, len(dna) // 3 * 3, 3)]
    protein = "".join(TABLE.get(codon, "X") for codon in codons)
    return protein.split("*", 1)[0] if to_stop else protein


def _other_strand(seq):
    dna = seq.upper().replace("U", "T")
    return "".join(PARTNER.get(base, base) for base in reversed(dna))


def six_frames(seq):
    """{"+1", "+2", "+3", "-1", "-2", "-3"} -> translation of that reading frame."""
    frames = {}
    for sign, strand in (("+", seq), ("-", _other_strand(seq))):
        for frame in range(3):
            frames[f"{sign}{frame + 1}"] = translate(strand, frame)
    return frames


def find_orfs(seq, min_length=1):
    """Distinct proteins from M to a stop in any of the six frames, sorted."""
    proteins = {
        match.group(1)
        for protein in six_frames(seq).values()
        for match in ORF.finditer(protein)
    }
    return sorted(p for p in proteins if len(p) >= min_length)
