"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_two_words(submission):
    """word_count("hello world")"""
    assert submission.word_count("hello world") == 2
