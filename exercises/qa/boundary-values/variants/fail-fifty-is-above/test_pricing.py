import pytest

from pricing import order_total, unit_price


@pytest.mark.parametrize(
    ("copies", "expected"),
    [(1, 10), (9, 10), (10, 9), (49, 9), (50, 9), (51, 8), (99, 8), (100, 7)],
)
def test_unit_price(copies, expected):
    assert unit_price(copies) == expected


@pytest.mark.parametrize("copies", [0, 10_001])
def test_out_of_range(copies):
    with pytest.raises(ValueError):
        unit_price(copies)


@pytest.mark.parametrize(("copies", "expected"), [(999, 7293), (1000, 7000)])
def test_order_total(copies, expected):
    assert order_total(copies) == expected
