import random
from itertools import product

import pytest

BASES = "TCAG"
AMINO_ACIDS = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
TABLE = {"".join(c): aa for c, aa in zip(product(BASES, repeat=3), AMINO_ACIDS)}


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def ref_translate(seq, frame=0, to_stop=False):
    seq = seq.upper().replace("U", "T")
    out = []
    for i in range(frame, len(seq) - 2, 3):
        aa = TABLE.get(seq[i:i + 3], "X")
        if aa == "*" and to_stop:
            break
        out.append(aa)
    return "".join(out)


def rc(seq):
    return seq.upper().replace("U", "T").translate(str.maketrans("ACGT", "TGCA"))[::-1]


def ref_orfs(seq, min_length=1):
    found = set()
    for strand in (seq, rc(seq)):
        for f in range(3):
            p = ref_translate(strand, f)
            for i, aa in enumerate(p):
                if aa == "M" and "*" in p[i:] and p.index("*", i) - i >= min_length:
                    found.add(p[i:p.index("*", i)])
    return sorted(found)


def gene_like(seed, n):
    """A random sequence with a few genes (ATG ... stop) planted on both strands."""
    rng = random.Random(seed)
    parts = []
    for _ in range(n):
        parts.append("".join(rng.choice("ACGT") for _ in range(rng.randint(5, 40))))
        body = "".join(rng.choice([c for c in TABLE if TABLE[c] != "*"]) for _ in range(rng.randint(3, 25)))
        gene = "ATG" + body + rng.choice(["TAA", "TAG", "TGA"])
        parts.append(gene if rng.random() < 0.5 else rc(gene))
    return "".join(parts)


def protein(value, what):
    assert isinstance(value, str), f"{what} returned a {kind(value)}; return the protein as a str"
    return value


@pytest.mark.points(2)
def test_codon_table(submission):
    """codon_table has the 64 codons of the standard code"""
    got = submission.codon_table()
    assert isinstance(got, dict), f"codon_table returned a {kind(got)}; return a dict"
    assert len(got) == 64, "codon_table doesn't have 64 entries; there are 4 × 4 × 4 = 64 codons"
    assert set(got) == set(TABLE), "codon_table's keys must be the 64 codons in upper-case DNA letters (T, not U)"
    first_fastest = {c + b + a: aa for (a, b, c), aa in zip(product(BASES, repeat=3), AMINO_ACIDS)}
    if got == first_fastest or got.get("TCT") == "L":
        raise AssertionError("codon_table paired the codons with the wrong letters; the THIRD base changes fastest "
                             "(TTT, TTC, TTA, TTG, TCT, ...)")
    wrong = sorted(c for c in TABLE if got[c] != TABLE[c])
    assert not wrong, f"codon_table maps {wrong[0]} to the wrong amino acid"


@pytest.mark.points(2)
def test_translate_frames(submission):
    """translate reads from the given frame and drops an incomplete last codon"""
    seq = gene_like(1, 6)
    for frame in (0, 1, 2):
        got = protein(submission.translate(seq, frame), "translate")
        expected = ref_translate(seq, frame)
        if len(got) == len(expected) + 1 and got.startswith(expected):
            raise AssertionError("translate added a letter for an incomplete last codon; only complete codons count")
        assert got == expected, (
            f"translate with frame={frame} is wrong; read codons starting at index {frame}, three bases at a time"
        )
    for seq in ("AT", "ATGC", "ATGCA"):
        got = protein(submission.translate(seq), "translate of a short sequence")
        assert got == ref_translate(seq), "translate of a sequence shorter than a codon or with leftover bases is wrong"


@pytest.mark.points(2)
def test_translate_rna_case_unknown(submission):
    """translate reads RNA and lower case, and turns unknown codons into X"""
    cases = [("augGCCauuGUAuaa", "RNA in mixed case"), ("ATGNNNTTTANGTAA", "codons with N"), ("atgrycTGA", "ambiguity codes")]
    for seq, what in cases:
        got = protein(submission.translate(seq), f"translate of {what}")
        assert got == ref_translate(seq), (
            f"translate of {what} is wrong; upper-case, read U as T, and use X for a codon that isn't in the table"
        )


def test_translate_to_stop(submission):
    """translate with to_stop=True stops before the first stop codon"""
    for seq in ("ATGAAATAGCCCTAA", "TAAATG", "ATGCCC", gene_like(2, 4)):
        got = protein(submission.translate(seq, to_stop=True), "translate with to_stop=True")
        assert got == ref_translate(seq, to_stop=True), (
            "translate with to_stop=True must stop at the first stop codon and leave it out"
        )


def test_translate_bad_frame(submission):
    """translate raises ValueError for a frame other than 0, 1 or 2"""
    for frame, shown in ((3, "a frame past 2"), (-1, "a negative frame")):
        try:
            result = submission.translate("ATGAAA", frame)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"translate with {shown} raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                                 "raise ValueError") from None
        raise AssertionError(f"translate with {shown} returned a {kind(result)}; raise ValueError")


@pytest.mark.points(3)
def test_six_frames(submission):
    """six_frames translates three frames on each strand"""
    for seq in ("ATGCCCTAA", gene_like(3, 5), "atgcgtacgtagctagctagcgatcgatcgtagcuagc"):
        got = submission.six_frames(seq)
        assert isinstance(got, dict), f"six_frames returned a {kind(got)}; return a dict"
        assert set(got) == {"+1", "+2", "+3", "-1", "-2", "-3"}, (
            "six_frames has missing or extra keys; use exactly '+1', '+2', '+3', '-1', '-2', '-3'"
        )
        back = rc(seq)
        for f in range(3):
            assert got[f"+{f + 1}"] == ref_translate(seq, f), f"six_frames['+{f + 1}'] must be translate(seq, {f})"
        if got["-1"] == ref_translate(seq.upper().replace("U", "T")[::-1], 0) and got["-1"] != ref_translate(back, 0):
            raise AssertionError("six_frames read the reverse strand by only reversing the sequence; use the reverse "
                                 "complement")
        for f in range(3):
            assert got[f"-{f + 1}"] == ref_translate(back, f), (
                f"six_frames['-{f + 1}'] must be frame {f} of the reverse complement"
            )


@pytest.mark.points(3)
def test_find_orfs(submission):
    """find_orfs finds every M-to-stop protein on both strands, nested ones included, once each"""
    for seed in (4, 5, 6):
        seq = gene_like(seed, 5)
        expected = ref_orfs(seq)
        got = submission.find_orfs(seq)
        assert isinstance(got, list), f"find_orfs returned a {kind(got)}; return a list"
        assert all(isinstance(p, str) for p in got), "find_orfs must return proteins as strings"
        assert not any(p.endswith("*") for p in got), "find_orfs must leave the stop (*) out of the proteins"
        assert len(got) == len(set(got)), "find_orfs lists a protein twice; return distinct proteins"
        found, wanted = set(got), set(expected)
        if found < wanted:
            missing = wanted - found
            if any(any(longer.endswith(m) and longer != m for longer in found) for m in missing):
                raise AssertionError("find_orfs missed ORFs that start at an M inside another ORF; every M followed "
                                     "by a stop starts its own ORF")
            raise AssertionError("find_orfs missed some ORFs; look in all six frames, including the reverse complement")
        extra = found - wanted
        assert not extra, (
            "find_orfs returned proteins that aren't ORFs; an ORF starts at M and must end at a stop codon in the "
            "same frame"
        )
        assert got == expected, "find_orfs must return the proteins sorted A to Z"


def test_find_orfs_min_length(submission):
    """find_orfs keeps only proteins with at least min_length amino acids"""
    seq = gene_like(7, 6)
    for n, shown in ((1, "the smallest min_length"), (5, "a medium min_length"), (12, "a large min_length")):
        got = submission.find_orfs(seq, min_length=n)
        assert isinstance(got, list) and got == ref_orfs(seq, n), (
            f"find_orfs with {shown} is wrong; keep the proteins with at least min_length amino acids "
            "(the stop not counted)"
        )
    assert submission.find_orfs("ATGCCCCCC") == [], "an M without a stop after it is not an ORF"
