import pytest

import pricing

TIERS = [(1, 10), (10, 9), (50, 8), (100, 7)]


@pytest.mark.parametrize(
    ("first", "price"),
    [pytest.param(first, price, id=f"from-{first}") for first, price in TIERS],
)
def test_each_tier_starts_at_its_first_copy(first, price):
    assert pricing.unit_price(first) == price


@pytest.mark.parametrize(
    ("last", "price"),
    [pytest.param(first - 1, TIERS[i - 1][1], id=f"below-{first}") for i, (first, _) in enumerate(TIERS) if i],
)
def test_the_copy_before_a_tier_keeps_the_old_price(last, price):
    assert pricing.unit_price(last) == price


@pytest.mark.parametrize(("copies", "ok"), [(0, False), (1, True), (10_000, True), (10_001, False)])
def test_range(copies, ok):
    if ok:
        pricing.unit_price(copies)
    else:
        with pytest.raises(ValueError):
            pricing.unit_price(copies)


@pytest.mark.parametrize(("copies", "shipping"), [(999, True), (1000, False)])
def test_free_shipping_threshold(copies, shipping):
    cost = copies * pricing.unit_price(copies)
    assert pricing.order_total(copies) == cost + (300 if shipping else 0)
