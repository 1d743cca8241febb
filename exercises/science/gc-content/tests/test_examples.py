import pytest


def test_gc_content_example(submission):
    """gc_content ignores N and case"""
    assert submission.gc_content("ATGCGCNNat") == pytest.approx(0.5)


def test_windows_example(submission):
    """gc_windows of side-by-side windows of 4"""
    assert submission.gc_windows("GGGGAAAACCNN", 4) == [(0, 1.0), (4, 0.0), (8, 1.0)]


def test_skew_example(submission):
    """min_skew_positions of a short genome"""
    assert submission.min_skew_positions("TAAAGACTGCCGAGAGGCCAACACGAGTGCTAGAACGAGGGGCGTAAACGCGGGTCCGAT") == [11, 24]
