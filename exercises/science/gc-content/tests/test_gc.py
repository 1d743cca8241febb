import math
import random

import pytest

TOL = 1e-9


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def reference_gc(seq):
    s = seq.upper()
    bases = sum(s.count(b) for b in "ACGT")
    return (s.count("G") + s.count("C")) / bases if bases else None


def random_seq(seed, n, alphabet="ACGT"):
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def fasta_records(path):
    records, name, pieces = [], None, []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith(">"):
            if name:
                records.append((name, "".join(pieces)))
            name, pieces = line[1:].split()[0], []
        elif line:
            pieces.append(line)
    records.append((name, "".join(pieces)))
    return records


def number(value, what):
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{what} returned a {kind(value)}; return a float"
    return float(value)


@pytest.mark.points(2)
def test_gc_content(submission):
    """gc_content counts G and C among A, C, G and T only, in any case"""
    cases = [("GGCC", "only G and C"), ("ATAT", "no G or C"), ("acgt", "lower case"), ("AcGtNNNNNN", "many Ns"),
             ("GATTACA", "a short sequence"), ("ccgRYNATkm", "ambiguity codes"),
             (random_seq(1, 999), "a long sequence")]
    for seq, what in cases:
        got = number(submission.gc_content(seq), f"gc_content of {what}")
        expected = reference_gc(seq)
        if seq == "AcGtNNNNNN" and math.isclose(got, 0.2):
            raise AssertionError("gc_content counted N in the total; only A, C, G and T are bases")
        if seq == "acgt" and got == 0:
            raise AssertionError("gc_content ignored lower-case letters; upper-case the sequence first")
        assert math.isclose(got, expected, abs_tol=TOL), (
            f"gc_content of {what} is wrong; it is (G + C) / (A + C + G + T), counting both cases and ignoring "
            "other letters"
        )
        assert 0.0 <= got <= 1.0, "gc_content must be a fraction from 0 to 1, not a percentage"


def test_gc_content_no_bases(submission):
    """gc_content raises ValueError when there is no A, C, G or T"""
    for seq in ("", "NNNN", "---"):
        try:
            result = submission.gc_content(seq)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"gc_content of a sequence without bases raised "
                                 f"{getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
        raise AssertionError(f"gc_content of a sequence without bases returned a {kind(result)}; raise ValueError")


def check_windows(got, seq, window, step, what):
    assert isinstance(got, list), f"gc_windows of {what} returned a {kind(got)}; return a list of (start, gc) tuples"
    starts = list(range(0, len(seq) - window + 1, step))
    got_starts = [w[0] if isinstance(w, (tuple, list)) and len(w) == 2 else None for w in got]
    assert None not in got_starts, f"gc_windows of {what}: each item must be a (start, gc) tuple"
    if got_starts == starts[:-1]:
        raise AssertionError(f"gc_windows of {what} left out the last window that fits exactly; use "
                             "range(0, len(seq) - window + 1, step)")
    assert got_starts == starts, (
        f"gc_windows of {what} has the wrong window starts; windows start at 0, step, 2 × step, ... and must fit "
        "completely in the sequence"
    )
    for number, (start, gc) in enumerate(got, start=1):
        expected = reference_gc(seq[start:start + window])
        if expected is None:
            assert gc is None, f"gc_windows of {what}: a window with only Ns must have gc None"
        else:
            assert gc is not None and math.isclose(gc, expected, abs_tol=TOL), (
                f"gc_windows of {what}: window {number} has the wrong GC content"
            )


@pytest.mark.points(3)
def test_gc_windows(submission):
    """gc_windows covers every full window, side by side or overlapping"""
    seq = random_seq(2, 250) + "N" * 20 + random_seq(3, 30).lower()
    for window, step, what in ((50, None, "windows of 50"), (50, 25, "overlapping windows"), (100, 100, "step = window"),
                               (300, 7, "a window as long as the sequence"), (20, 30, "windows with gaps between")):
        got = submission.gc_windows(seq, window) if step is None else submission.gc_windows(seq, window, step)
        check_windows(got, seq, window, step or window, what)
    got = submission.gc_windows("ACGT", 5)
    assert got == [], "gc_windows with a window longer than the sequence must return []"


def test_gc_windows_without_bases(submission):
    """gc_windows gives None for a window with no A, C, G or T"""
    seq = "GCATNNNNnnnnNNNNattcNN-RYK"
    for window, step, what in ((4, None, "a sequence with runs of Ns"), (8, 4, "overlapping windows over Ns"),
                               (6, 5, "windows of ambiguity codes")):
        try:
            got = submission.gc_windows(seq, window) if step is None else submission.gc_windows(seq, window, step)
        except ValueError:
            raise AssertionError("gc_windows raised ValueError for a window without A, C, G or T; such a window "
                                 "has gc None (gc_content would raise there: count the bases yourself)") from None
        check_windows(got, seq, window, step or window, what)


def test_gc_windows_bad(submission):
    """gc_windows raises ValueError for a window or step below 1"""
    for args, shown in (((0,), "a window of 0"), ((4, 0), "a step of 0"), ((-1, 2), "a negative window")):
        try:
            result = submission.gc_windows("ACGTACGT", *args)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"gc_windows with {shown} raised "
                                 f"{getattr(exc, 'type_name', type(exc).__name__)}; raise ValueError") from None
        raise AssertionError(f"gc_windows with {shown} returned a {kind(result)}; raise ValueError")


def reference_skew(seq):
    skew = [0]
    for b in seq.upper():
        skew.append(skew[-1] + (b == "G") - (b == "C"))
    return skew


@pytest.mark.points(2)
def test_gc_skew(submission):
    """gc_skew starts at 0 and moves +1 for G, -1 for C"""
    for seq in ("CATGGGCATCGGCCATACGCC", "ggccNNgc", "", random_seq(4, 500, "ACGTN")):
        got = submission.gc_skew(seq)
        assert isinstance(got, list), f"gc_skew returned a {kind(got)}; return a list of ints"
        expected = reference_skew(seq)
        if len(got) == len(seq) and got == expected[1:]:
            raise AssertionError("gc_skew left out the starting 0; it has len(seq) + 1 values")
        assert len(got) == len(expected), (
            "gc_skew returned the wrong number of values; it has len(seq) + 1 values, one per base after the "
            "starting 0"
        )
        assert got == expected, "gc_skew has wrong values; +1 for G, -1 for C (any case), unchanged otherwise"


@pytest.mark.points(2)
def test_min_skew(submission):
    """min_skew_positions lists every position of the minimum"""
    for seed in (5, 6, 7):
        seq = random_seq(seed, 800)
        skew = reference_skew(seq)
        expected = [i for i, v in enumerate(skew) if v == min(skew)]
        got = submission.min_skew_positions(seq)
        assert isinstance(got, list), f"min_skew_positions returned a {kind(got)}; return a list"
        if got == [i - 1 for i in expected] or got == [i + 1 for i in expected]:
            raise AssertionError("min_skew_positions is off by one; positions are indexes into the gc_skew list, "
                                 "which starts with 0 before the first base")
        assert got == expected, "min_skew_positions must list every index where the skew is lowest, in order"
    assert submission.min_skew_positions("GGGG") == [0], (
        "min_skew_positions of a sequence whose skew only rises is wrong; the skew's starting 0 (position 0, "
        "before the first base) counts too"
    )


@pytest.mark.points(3)
def test_highest_gc(submission, data_dir):
    """highest_gc finds the record with the highest GC content in samples.fasta"""
    records = fasta_records(data_dir / "samples.fasta")
    expected = max(records, key=lambda r: reference_gc(r[1]))
    got = submission.highest_gc("samples.fasta")
    assert isinstance(got, (tuple, list)) and len(got) == 2, f"highest_gc returned a {kind(got)}; return (id, gc)"
    name, gc = got
    if name == "sample_02":
        raise AssertionError("highest_gc picked sample_02; another record has a higher GC content once Ns are left out "
                             "and lower-case bases are counted")
    assert name == expected[0], (
        "highest_gc picked a record that does not have the highest GC content; the id is the first word "
        "of the header"
    )
    assert math.isclose(number(gc, "highest_gc's gc"), reference_gc(expected[1]), abs_tol=TOL), (
        "highest_gc returned the right record with the wrong GC content (a fraction from 0 to 1)"
    )


def test_highest_gc_ties(submission):
    """highest_gc keeps the first of two tied records and skips a record without bases"""
    got = submission.highest_gc("ties.fasta")
    assert isinstance(got, (tuple, list)) and len(got) == 2, f"highest_gc returned a {kind(got)}; return (id, gc)"
    name, gc = got
    assert name != "rich_b", (
        "highest_gc picked the later of two records with the same GC content; keep the first one (replace the "
        "best only when a record is strictly higher)"
    )
    assert name == "rich_a", (
        "highest_gc of ties.fasta picked the wrong record; skip records without bases and keep the first of tied ones"
    )
    assert math.isclose(number(gc, "highest_gc's gc"), reference_gc("GGCCATGCAT"), abs_tol=TOL), (
        "highest_gc returned the right record with the wrong GC content (a fraction from 0 to 1)"
    )
