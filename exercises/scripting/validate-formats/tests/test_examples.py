def test_username_examples(submission):
    """is_valid_username() accepts ana_99 and rejects 9lives"""
    assert submission.is_valid_username("ana_99") is True
    assert submission.is_valid_username("9lives") is False


def test_ipv4_examples(submission):
    """is_valid_ipv4() accepts 192.168.0.1 and rejects 256.1.1.1"""
    assert submission.is_valid_ipv4("192.168.0.1") is True
    assert submission.is_valid_ipv4("256.1.1.1") is False


def test_invalid_fields_example(submission):
    """invalid_fields() of the example record"""
    record = {"username": "ana_99", "color": "#ffff", "ip": "10.0.0.1", "extra": 1}
    assert submission.invalid_fields(record) == ["color", "time"]
