def test_dirty_example(submission):
    """quality_report() of dirty.sql: orphans and the verdict"""
    submission.seed("example.db", "dirty.sql")
    report = submission.quality_report("example.db")
    assert report["orphan_orders"] == [103, 107]
    assert report["passed"] is False


def test_clean_example(submission):
    """quality_report() of clean.sql passes"""
    submission.seed("example.db", "clean.sql")
    assert submission.quality_report("example.db")["passed"] is True
