PORT = "/dev/ttyACM0"


def test_three_lines(submission, device):
    """read_lines() returns three reading lines"""
    lines = submission.read_lines(PORT, 3)
    assert isinstance(lines, list) and len(lines) == 3, f"expected a list of 3 lines, got {lines!r}"
    assert all(isinstance(line, str) and line.startswith("T=") for line in lines), (
        f"expected str lines like 'T=21.00,H=50.0,L=500', got {lines!r}"
    )
