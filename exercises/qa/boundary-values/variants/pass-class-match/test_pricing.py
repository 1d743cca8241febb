import pytest

import pricing

TIERS = [(1, 10), (9, 10), (10, 9), (49, 9), (50, 8), (99, 8), (100, 7), (pricing.MAX_COPIES, 7)]


class TestUnitPrice:
    @pytest.mark.parametrize("copies, cents", TIERS, ids=lambda v: str(v))
    def test_tier(self, copies, cents):
        assert pricing.unit_price(copies) == cents

    @pytest.mark.parametrize("copies", [-1, 0, pricing.MAX_COPIES + 1, pricing.MAX_COPIES + 50])
    def test_out_of_range(self, copies):
        with pytest.raises(ValueError, match="between 1 and"):
            pricing.unit_price(copies)


class TestOrderTotal:
    @pytest.mark.parametrize(
        "copies, total",
        [
            pytest.param(20, 20 * 9 + 300, id="example-from-docs"),
            pytest.param(999, 6993 + 300, id="just-below-free-shipping"),
            pytest.param(1000, 7000, id="exactly-free-shipping"),
            pytest.param(pricing.MAX_COPIES, 70000, id="largest-order"),
        ],
    )
    def test_total(self, copies, total):
        assert pricing.order_total(copies) == total
