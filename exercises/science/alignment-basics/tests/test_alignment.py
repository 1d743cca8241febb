import numbers
import random

import pytest


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def rand(seed, n, alphabet="ACGT"):
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def mutate(seed, seq, rate=0.15):
    rng = random.Random(seed)
    out = []
    for ch in seq:
        r = rng.random()
        if r < rate / 3:
            continue
        if r < 2 * rate / 3:
            out.append(rng.choice("ACGT"))
        elif r < rate:
            out.append(ch + rng.choice("ACGT"))
        else:
            out.append(ch)
    return "".join(out)


def ref_edit(a, b, sub=1):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (sub if x != y else 0)))
        prev = cur
    return prev[-1]


def ref_nw(a, b, match=1, mismatch=-1, gap=-2, free_ends=False):
    prev = [0 if free_ends else j * gap for j in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        cur = [0 if free_ends else i * gap]
        for j, y in enumerate(b, 1):
            cur.append(max(prev[j - 1] + (match if x == y else mismatch), prev[j] + gap, cur[j - 1] + gap))
        prev = cur
    return prev[-1]


def integer(value, what):
    """Accept ints, numpy integers and whole floats (a numpy table of floats); return an int."""
    ok = isinstance(value, numbers.Integral) or (isinstance(value, numbers.Real) and float(value).is_integer())
    assert ok and not isinstance(value, bool), f"{what} returned a {kind(value)}; return a whole number (an int)"
    return int(value)


PAIRS = [("GATTACA", "GCTACA"), ("", "ACG"), ("ACG", ""), ("", ""), ("AAAA", "TTTT"), ("ACGTACGT", "ACGTACGT"),
         (rand(1, 60), mutate(2, rand(1, 60))), (rand(3, 120), mutate(4, rand(3, 120), 0.3)), (rand(5, 40), rand(6, 55))]


@pytest.mark.points(2)
def test_hamming(submission):
    """hamming counts differing positions"""
    for a, b in (("", ""), ("A", "A"), ("A", "T"), ("acgt", "ACGT"), (rand(7, 300), rand(8, 300))):
        got = integer(submission.hamming(a, b), "hamming")
        assert got == sum(x != y for x, y in zip(a, b)), "hamming must count the positions where the letters differ"


def test_hamming_lengths(submission):
    """hamming raises ValueError for sequences of different lengths"""
    for a, b in (("ACGT", "ACG"), ("", "A")):
        try:
            result = submission.hamming(a, b)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"hamming of different lengths raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                                 "raise ValueError") from None
        raise AssertionError(f"hamming of sequences of different lengths returned a {kind(result)}; raise ValueError "
                             "(zip stops at the shorter one and hides the difference)")


@pytest.mark.points(3)
def test_edit_distance(submission):
    """edit_distance is the fewest insertions, deletions and substitutions"""
    cases = [("PLEASANTLY", "MEANLY"), ("kitten", "sitting"), ("", "abc"), ("abc", ""), ("", ""), ("flaw", "lawn"),
             ("ACGT", "ACGT"), (rand(9, 80), mutate(10, rand(9, 80))), (rand(11, 50), rand(12, 70))]
    for a, b in cases:
        got = integer(submission.edit_distance(a, b), "edit_distance")
        expected = ref_edit(a, b)
        if got != expected and got == ref_edit(a, b, sub=2):
            raise AssertionError("edit_distance counts a substitution as 2 edits; a substitution is one edit "
                                 "(the diagonal step costs 1 when the letters differ)")
        assert got == expected, (
            "edit_distance returned a wrong distance; d[i][j] = min(d[i-1][j] + 1, d[i][j-1] + 1, "
            "d[i-1][j-1] + (a[i-1] != b[j-1])), with d[i][0] = i and d[0][j] = j"
        )


@pytest.mark.points(3)
def test_nw_score(submission):
    """nw_score finds the best global alignment score"""
    for a, b in PAIRS:
        got = integer(submission.nw_score(a, b), "nw_score")
        expected = ref_nw(a, b)
        if got != expected and got == ref_nw(a, b, free_ends=True):
            raise AssertionError("nw_score gave the ends of the alignment free gaps; in a global alignment the first "
                                 "row and column are i * gap and j * gap, not 0")
        assert got == expected, "nw_score returned a wrong score for the default match=1, mismatch=-1, gap=-2"


@pytest.mark.points(2)
def test_nw_parameters(submission):
    """nw_score uses the match, mismatch and gap it is given"""
    a, b = rand(13, 70), mutate(14, rand(13, 70), 0.25)
    for number, (match, mismatch, gap) in enumerate(((2, -1, -1), (1, 0, -1), (5, -4, -10), (1, -3, -1)), start=1):
        got = integer(submission.nw_score(a, b, match, mismatch, gap), "nw_score")
        assert got == ref_nw(a, b, match, mismatch, gap), (
            f"nw_score with non-default match, mismatch and gap (set {number} of 4) is wrong; use the parameters "
            "everywhere, "
            "including the first row and column"
        )
    got = submission.nw_score("ACGT", "AGT", gap=-0.5)
    assert got == ref_nw("ACGT", "AGT", gap=-0.5), "nw_score must also work with a fractional gap penalty"


def check_alignment(got, a, b, params, what):
    assert isinstance(got, (tuple, list)) and len(got) == 3, f"nw_align of {what} returned a {kind(got)}; return (score, top, bottom)"
    score, top, bottom = got
    assert isinstance(top, str) and isinstance(bottom, str), f"nw_align of {what}: the aligned sequences must be str"
    assert len(top) == len(bottom), f"nw_align of {what}: the two aligned sequences have different lengths"
    assert top.replace("-", "") == a and bottom.replace("-", "") == b, (
        f"nw_align of {what}: removing the '-' must give back the original sequences (check the traceback order; "
        "build the strings backwards and reverse them)"
    )
    assert not any(x == "-" and y == "-" for x, y in zip(top, bottom)), f"nw_align of {what}: a column has two gaps"
    match, mismatch, gap = params
    columns = sum(gap if "-" in (x, y) else (match if x == y else mismatch) for x, y in zip(top, bottom))
    best = ref_nw(a, b, *params)
    assert score == best, f"nw_align of {what} returned a score that is not the best score"
    assert columns == best, (
        f"nw_align of {what}: the alignment's columns don't add up to the best score; during the "
        "traceback only step to a neighbour whose score explains the current cell"
    )


@pytest.mark.points(4)
def test_nw_align(submission):
    """nw_align returns an alignment that uses every letter and reaches the best score"""
    for a, b in PAIRS:
        check_alignment(submission.nw_align(a, b), a, b, (1, -1, -2), "two sequences")
    a, b = rand(15, 90), mutate(16, rand(15, 90), 0.3)
    for params in ((2, -1, -1), (1, -3, -1)):
        check_alignment(submission.nw_align(a, b, *params), a, b, params,
                        "two sequences with non-default match, mismatch and gap")
