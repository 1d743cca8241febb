from leap import is_leap


def test_2024_is_leap():
    assert is_leap(2024)
