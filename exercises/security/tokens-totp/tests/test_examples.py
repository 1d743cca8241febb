SEED = b"12345678901234567890"


def test_hotp_first(submission):
    """hotp of counter 0 is RFC 4226's 755224"""
    assert submission.hotp(SEED, 0) == "755224"


def test_totp_first(submission):
    """totp at time 59 is RFC 6238's 94287082"""
    assert submission.totp(SEED, 59, digits=8) == "94287082"


def test_code_shape(submission):
    """one_time_code() is six digits"""
    code = submission.one_time_code()
    assert isinstance(code, str) and len(code) == 6 and code.isdigit()
