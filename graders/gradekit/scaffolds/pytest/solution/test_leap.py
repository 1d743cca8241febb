from leap import is_leap


def test_2024_is_leap():
    assert is_leap(2024)


def test_an_odd_year_is_not_leap():
    assert not is_leap(2023)


def test_a_year_divisible_by_2_only_is_not_leap():
    assert not is_leap(2022)


def test_a_century_is_not_leap():
    assert not is_leap(1900)


def test_every_400_years_is_leap():
    assert is_leap(2000)
