import pytest

from pricing import order_total, unit_price


@pytest.mark.parametrize(
    ("copies", "expected"),
    [(5, 10), (30, 9), (75, 8), (500, 7), (101, 7), (51, 8), (11, 9)],
)
def test_unit_price(copies, expected):
    assert unit_price(copies) == expected


def test_zero_copies_is_an_error():
    with pytest.raises(ValueError):
        unit_price(0)


@pytest.mark.parametrize(("copies", "expected"), [(10, 390), (2000, 14000)])
def test_order_total(copies, expected):
    assert order_total(copies) == expected
