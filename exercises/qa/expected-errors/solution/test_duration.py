import pytest

from duration import DurationError, format_duration, parse_duration


def test_parse_hours_and_minutes():
    assert parse_duration("1h30m") == 5400


def test_parse_every_unit_and_spaces_around():
    assert parse_duration(" 2h1m5s ") == 7265


def test_format_round_trip():
    assert format_duration(5400) == "1h30m"
    assert format_duration(0) == "0s"


def test_empty_text_is_an_error():
    with pytest.raises(DurationError):
        parse_duration("")


def test_unknown_unit_is_a_duration_error_quoting_the_text():
    with pytest.raises(DurationError, match="'90 minutes'"):
        parse_duration("90 minutes")


def test_a_duration_error_is_also_a_value_error():
    with pytest.raises(ValueError):
        parse_duration("1x")


def test_parts_out_of_order_are_an_error():
    with pytest.raises(DurationError):
        parse_duration("30m1h")


def test_a_repeated_unit_is_an_error():
    with pytest.raises(DurationError):
        parse_duration("1m1m")


def test_a_number_is_a_type_error():
    with pytest.raises(TypeError):
        parse_duration(90)


def test_negative_seconds_are_a_value_error():
    with pytest.raises(ValueError, match="negative"):
        format_duration(-5)


def test_a_bool_is_a_type_error():
    with pytest.raises(TypeError):
        format_duration(True)
