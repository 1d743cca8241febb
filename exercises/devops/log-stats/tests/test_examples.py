def test_parse_line_example(submission):
    """parse_line() of the example line"""
    line = ('198.51.100.1 - alice [01/Apr/2024:00:00:01 +0000] "GET /a?x=1 HTTP/2.0" 200 10 '
            '"https://example.com/" "Mozilla/5.0 (Mac)" 0.010')
    assert submission.parse_line(line) == {"ip": "198.51.100.1", "method": "GET", "path": "/a", "status": 200,
                                           "ms": 10.0}


def test_small_log(submission):
    """log_stats("small.log")"""
    stats = submission.log_stats("small.log")
    assert stats["requests"] == 6
    assert stats["malformed"] == 1
    assert stats["status_counts"] == {200: 3, 404: 1, 500: 1, 503: 1}
    assert stats["p95_ms"] == 1500.0
    assert stats["top_paths"] == [["/a", 2], ["/b", 2], ["/c", 2]]
