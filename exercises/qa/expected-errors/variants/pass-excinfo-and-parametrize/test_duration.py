import pytest

import duration


@pytest.mark.parametrize("bad", ["", "   ", "10", "5s3m", "1h1h", "1 hour"])
def test_unreadable_text(bad):
    with pytest.raises(duration.DurationError) as excinfo:
        duration.parse_duration(bad)
    assert repr(bad) in str(excinfo.value)


@pytest.mark.parametrize("value", [None, 3.5, 90])
def test_parse_needs_a_string(value):
    with pytest.raises(TypeError):
        duration.parse_duration(value)


def test_format_rejects_negatives():
    with pytest.raises(ValueError) as excinfo:
        duration.format_duration(-1)
    assert excinfo.type is ValueError


def test_good_values():
    assert duration.parse_duration("45s") == 45
    assert duration.format_duration(3661) == "1h1m1s"
