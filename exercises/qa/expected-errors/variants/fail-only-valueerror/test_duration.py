import pytest

from duration import format_duration, parse_duration


def test_parse_hours_and_minutes():
    assert parse_duration("1h30m") == 5400


def test_empty_text_is_an_error():
    with pytest.raises(ValueError):
        parse_duration("")


def test_unknown_unit():
    with pytest.raises(ValueError):
        parse_duration("90 minutes")


def test_out_of_order():
    with pytest.raises(ValueError):
        parse_duration("30m1h")


def test_number():
    with pytest.raises(TypeError):
        parse_duration(90)


def test_negative():
    with pytest.raises(ValueError):
        format_duration(-5)
