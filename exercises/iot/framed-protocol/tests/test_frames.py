from gradekit.remote import LearnerTimeout


def rejected(submission, data, what):
    try:
        got = submission.decode_frame(data)
    except LearnerTimeout:
        raise
    except ValueError:
        return
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        raise AssertionError(f"decode_frame() raised {kind} for {what}; raise ValueError") from None
    kind = getattr(got, "type_name", type(got).__name__)
    raise AssertionError(f"decode_frame() accepted {what} and returned a {kind}; raise ValueError")


def test_encode_with_payload(submission):
    """encode_frame() counts the command and payload in the length and XORs them into the checksum"""
    got = submission.encode_frame(0x10, b"\x02")
    assert isinstance(got, bytes | bytearray), "encode_frame() must return bytes"
    assert bytes(got[:1]) == b"\x02", "a frame starts with STX (0x02)"
    assert len(got) == 5 and got[1] == 2, "the length byte counts the command and the payload (not STX or checksum)"
    assert got[-1] == 0x02 ^ 0x10 ^ 0x02, "the checksum is the XOR of the length, command and payload bytes"
    got = submission.encode_frame(0x20, b"\x12\x34")
    assert bytes(got) == bytes([0x02, 0x03, 0x20, 0x12, 0x34, 0x03 ^ 0x20 ^ 0x12 ^ 0x34]), (
        "a SET frame with a two-byte payload is wrong; check the length and the checksum"
    )


def test_decode_valid(submission):
    """decode_frame() returns the command and payload of a valid frame"""
    command, payload = submission.decode_frame(bytes([0x02, 0x05, 0x81]) + b"PONG" + bytes([0x92]))
    assert command == 0x81 and bytes(payload) == b"PONG", "decode_frame() of the PONG reply is wrong"
    command, payload = submission.decode_frame(b"\x02\x01\x15\x14")
    assert command == 0x15 and bytes(payload) == b"", "a frame without payload (NAK) decodes to an empty payload"


def test_decode_bad_checksum(submission):
    """decode_frame() rejects a frame whose checksum does not match"""
    rejected(submission, b"\x02\x04\x90\x00\x04\x88\x42", "a READ reply with one damaged payload byte")
    rejected(submission, b"\x02\x01\x01\x01", "a PING frame with a wrong checksum")


def test_decode_bad_shape(submission):
    """decode_frame() rejects frames without STX or with the wrong length"""
    rejected(submission, b"\x03\x01\x01\x00", "a frame that does not start with STX")
    rejected(submission, b"\x02\x04\x90\x00\x04", "a frame cut short (fewer bytes than the length byte says)")
    rejected(submission, b"\x02\x01\x01\x00\x00", "a frame with an extra byte after the checksum")
    rejected(submission, b"", "no bytes at all")
