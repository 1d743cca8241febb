import random
from collections import Counter

import pytest

TABLE = str.maketrans("ACGTN", "TGCAN")


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def rc(seq):
    return seq.upper().translate(TABLE)[::-1]


def random_seq(seed, n, alphabet="ACGT"):
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def ref_counts(seq, k):
    seq = seq.upper()
    return Counter(seq[i:i + k] for i in range(len(seq) - k + 1) if set(seq[i:i + k]) <= set("ACGT"))


def raises_value_error(call, what):
    try:
        result = call()
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
    raise AssertionError(f"{what} returned a {kind(result)}; raise ValueError")


@pytest.mark.points(2)
def test_reverse_complement(submission):
    """reverse_complement reverses and complements, in upper case"""
    for seq in ("A", "ACGT", "GATTACA", "ggcctaNN", random_seq(1, 300, "ACGTN"), ""):
        got = submission.reverse_complement(seq)
        assert isinstance(got, str), f"reverse_complement returned a {kind(got)}; return a str"
        expected = rc(seq)
        if got != expected and got == expected[::-1]:
            raise AssertionError("reverse_complement complemented the bases but didn't reverse them; the other "
                                 "strand is read backwards")
        if got != expected and got == seq.upper()[::-1]:
            raise AssertionError("reverse_complement reversed the sequence but didn't swap A<->T and C<->G")
        assert got == expected, "reverse_complement returned a wrong sequence; swap A<->T, C<->G, keep N, reverse, upper-case"


def test_reverse_complement_invalid(submission):
    """reverse_complement raises ValueError for letters other than A, C, G, T, N"""
    for seq in ("ACGU", "ACGT-", "HELLO", "AC GT"):
        raises_value_error(lambda: submission.reverse_complement(seq), "reverse_complement of a sequence with other letters")


@pytest.mark.points(3)
def test_kmer_counts(submission):
    """kmer_counts counts every overlapping k-mer"""
    for seq, k, what in (("ACGTACGTAC", 2, "a short sequence"), ("AAAA", 3, "a run of one letter"),
                         (random_seq(2, 500), 4, "a long sequence"), ("acgtACGT", 3, "a mixed-case sequence"),
                         ("ACGT", 4, "k equal to the sequence's length"), ("ACGT", 1, "k = 1 (single letters)")):
        got = submission.kmer_counts(seq, k)
        assert isinstance(got, dict), f"kmer_counts returned a {kind(got)}; return a dict"
        expected = ref_counts(seq, k)
        total = sum(v for v in got.values() if isinstance(v, int))
        if seq == "ACGTACGTAC" and total == len(seq) // k:
            raise AssertionError("kmer_counts counted k-mers side by side; count overlapping ones too "
                                 "(kmer_counts('AAAA', 3) is {'AAA': 2}): move one letter at a time")
        if seq == "ACGTACGTAC" and total == len(seq) - k:
            raise AssertionError("kmer_counts missed the last k-mer; a sequence of length n has n - k + 1 of them")
        assert dict(got) == dict(expected), (
            f"kmer_counts of {what} is wrong; count every seq[i:i + k] for i from 0 to len(seq) - k, in upper case"
        )


def test_kmer_counts_edges(submission):
    """kmer_counts skips k-mers with N, returns {} for k longer than the sequence, refuses k < 1"""
    got = submission.kmer_counts("ACGNACG", 3)
    assert dict(got) == {"ACG": 2}, "kmer_counts must skip k-mers that contain N (or any letter other than ACGT)"
    assert dict(submission.kmer_counts("ACG", 5)) == {}, "kmer_counts with k longer than the sequence must be {}"
    for k, shown in ((0, "k = 0"), (-2, "a negative k")):
        raises_value_error(lambda: submission.kmer_counts("ACGT", k), f"kmer_counts with {shown}")


@pytest.mark.points(3)
def test_canonical(submission):
    """canonical_kmer_counts counts both strands under the smaller k-mer"""
    for seq, k in (("ACGT", 2), ("AAAATTTT", 3), (random_seq(3, 400), 3), (random_seq(4, 300, "ACGTN"), 5), ("ggcc", 2)):
        got = submission.canonical_kmer_counts(seq, k)
        assert isinstance(got, dict), f"canonical_kmer_counts returned a {kind(got)}; return a dict"
        expected = Counter()
        for kmer, n in ref_counts(seq, k).items():
            expected[min(kmer, rc(kmer))] += n
        wrong_rev = Counter()
        for kmer, n in ref_counts(seq, k).items():
            wrong_rev[min(kmer, kmer[::-1])] += n
        if dict(got) == dict(wrong_rev) and wrong_rev != expected:
            raise AssertionError("canonical_kmer_counts compared each k-mer with its reverse; use its reverse complement")
        assert dict(got) == dict(expected), (
            "canonical_kmer_counts is wrong; count each k-mer under min(kmer, reverse_complement(kmer))"
        )


@pytest.mark.points(2)
def test_most_frequent(submission):
    """most_frequent_kmers returns every tied k-mer, sorted"""
    for seq, k in (("ACGTTGCATGTCGCATGATGCATGAGAGCT", 4), (random_seq(5, 200), 3), ("ACGT", 2), ("AAAAA", 2),
                   (random_seq(6, 60), 6)):
        got = submission.most_frequent_kmers(seq, k)
        assert isinstance(got, list), f"most_frequent_kmers returned a {kind(got)}; return a list"
        counts = ref_counts(seq, k)
        top = max(counts.values())
        expected = sorted(km for km, n in counts.items() if n == top)
        if len(got) == 1 and len(expected) > 1:
            raise AssertionError("most_frequent_kmers returned one k-mer while several are tied for most frequent; "
                                 "return all of them")
        assert sorted(got) == expected, "most_frequent_kmers returned the wrong k-mers"
        assert got == expected, "most_frequent_kmers must be sorted A to Z"
    assert submission.most_frequent_kmers("AC", 3) == [], "most_frequent_kmers with no k-mers must return []"


@pytest.mark.points(2)
def test_motif_positions(submission):
    """motif_positions finds overlapping, case-insensitive matches"""
    genome = random_seq(7, 2000)
    for seq, motif in (("AAAAA", "AA"), ("gatatatgcatatactt", "ATAT"), (genome, "ACG"), (genome, "TTTT"), ("ACGT", "GGG"),
                       ("ACGT", "acgt")):
        got = submission.motif_positions(seq, motif)
        assert isinstance(got, list), f"motif_positions returned a {kind(got)}; return a list"
        s, m = seq.upper(), motif.upper()
        expected = [i for i in range(len(s) - len(m) + 1) if s[i:i + len(m)] == m]
        if seq == "AAAAA" and got == [0, 2]:
            raise AssertionError("motif_positions skipped overlapping matches (in a run of one letter); a new match "
                                 "may start one letter after the previous one started")
        if [i + 1 for i in expected] == got and expected:
            raise AssertionError("motif_positions returned 1-based positions; use 0-based ones")
        assert got == expected, "motif_positions returned the wrong positions; check every start, ignoring case"
