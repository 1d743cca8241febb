PORT = "/dev/ttyACM0"


def test_encode_ping(submission):
    """encode_frame(0x01) is the PING frame"""
    assert submission.encode_frame(0x01) == b"\x02\x01\x01\x00"


def test_decode_reply(submission):
    """decode_frame() of a READ reply"""
    assert submission.decode_frame(b"\x02\x04\x90\x01\x00\x2a\xbf") == (0x90, b"\x01\x00\x2a")


def test_read_channel(submission, device):
    """read_channel(1) returns 42"""
    link = submission.FramedLink(PORT)
    try:
        assert link.ping() is True
        assert link.read_channel(1) == 42
    finally:
        link.close()
