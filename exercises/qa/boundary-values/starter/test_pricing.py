import pytest

from pricing import order_total, unit_price


@pytest.mark.parametrize(
    ("copies", "expected"),
    [
        (1, 10),
        (20, 9),
    ],
)
def test_unit_price(copies, expected):
    assert unit_price(copies) == expected


# Add the cases on both sides of every boundary, the errors, and order_total.
