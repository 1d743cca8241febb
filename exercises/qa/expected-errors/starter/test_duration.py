import pytest

from duration import DurationError, format_duration, parse_duration


def test_parse_hours_and_minutes():
    assert parse_duration("1h30m") == 5400


# Add tests for the errors: `with pytest.raises(DurationError):` around a call that must fail.
