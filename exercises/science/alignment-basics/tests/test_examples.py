def test_hamming_example(submission):
    """hamming of two 17-letter sequences"""
    assert submission.hamming("GAGCCTACTAACGGGAT", "CATCGTAATGACGGCCT") == 7


def test_edit_distance_example(submission):
    """edit_distance("PLEASANTLY", "MEANLY") is 5"""
    assert submission.edit_distance("PLEASANTLY", "MEANLY") == 5


def test_nw_example(submission):
    """nw_score("GATTACA", "GCTACA") is 2"""
    assert submission.nw_score("GATTACA", "GCTACA") == 2
