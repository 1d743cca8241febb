SECRET = b"whsec_test_123"
BODY = b'{"id": "evt_1", "type": "invoice.paid"}'


def test_sign_example(submission):
    """sign() of the example body"""
    assert submission.sign(SECRET, BODY, 1700000000) == (
        "t=1700000000,v1=b9730bfbb967f542c192e129a6e5b75cdb14e058630b70dcaf3768a3df514f1b"
    )


def test_verify_example(submission):
    """A fresh, genuine request verifies; a tampered one doesn't"""
    header = submission.sign(SECRET, BODY, 1700000000)
    assert submission.verify(SECRET, BODY, header, 1700000100) is True
    assert submission.verify(SECRET, BODY + b" ", header, 1700000100) is False
