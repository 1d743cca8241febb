import pytest

from pricing import MAX_COPIES, order_total, unit_price


@pytest.mark.parametrize(
    ("copies", "expected"),
    [
        (1, 10),
        (9, 10),
        (10, 9),
        (49, 9),
        (50, 8),
        (99, 8),
        (100, 7),
        (MAX_COPIES, 7),
    ],
)
def test_unit_price_on_both_sides_of_each_boundary(copies, expected):
    assert unit_price(copies) == expected


@pytest.mark.parametrize("copies", [0, -3, MAX_COPIES + 1])
def test_unit_price_rejects_orders_out_of_range(copies):
    with pytest.raises(ValueError):
        unit_price(copies)


@pytest.mark.parametrize(
    ("copies", "expected"),
    [
        (1, 10 + 300),
        (999, 999 * 7 + 300),
        (1000, 7000),
        (1001, 7007),
    ],
)
def test_order_total_ships_free_from_70_euros(copies, expected):
    assert order_total(copies) == expected
