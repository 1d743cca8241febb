import pytest

from pricing import MAX_COPIES, order_total, unit_price


@pytest.mark.parametrize(
    ("copies", "expected"),
    [
        (1, 10),      # smallest order
        (9, 10),      # still full price
        (50, 8),      # the 50 tier starts
        (100, 7),     # the 100 tier starts
        (500, 7),
        (MAX_COPIES, 7),
    ],
)
def test_unit_price_tiers(copies, expected):
    assert unit_price(copies) == expected


def test_zero_copies_is_refused():
    with pytest.raises(ValueError):
        unit_price(0)


def test_free_shipping_at_70_euros():
    assert order_total(1000) == 7000
