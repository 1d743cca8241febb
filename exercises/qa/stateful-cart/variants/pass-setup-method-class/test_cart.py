import pytest

import cart as shop


class TestCartWithTwoProducts:
    def setup_method(self):
        self.cart = shop.Cart()
        self.cart.add("b-pen", 120, 3)
        self.cart.add("a-ink", 400)

    def test_lines_are_sorted_and_counted(self):
        assert self.cart.lines() == [("a-ink", 1, 400), ("b-pen", 3, 120)]
        assert self.cart.count() == 4

    def test_topping_up(self):
        self.cart.add("b-pen", 120)
        assert self.cart.count() == 5
        assert self.cart.subtotal() == 4 * 120 + 400

    def test_remove_all_then_some(self):
        self.cart.remove("a-ink")
        assert [line[0] for line in self.cart.lines()] == ["b-pen"]
        with pytest.raises(ValueError):
            self.cart.remove("b-pen", 4)
        assert self.cart.count() == 3

    def test_coupon_rules(self):
        self.cart.apply_coupon("SAVE10")
        self.cart.add("c-pad", 240)
        assert self.cart.total() == 1000 - 100
        with pytest.raises(ValueError):
            self.cart.apply_coupon("SAVE10")

    def test_unknown_product(self):
        with pytest.raises(KeyError):
            self.cart.remove("z")

    def test_refused_adds(self):
        for args in (("b-pen", 99), ("c-pad", -5), ("c-pad", 240, 0)):
            with pytest.raises(ValueError):
                self.cart.add(*args)
        assert self.cart.lines() == [("a-ink", 1, 400), ("b-pen", 3, 120)]

    def test_coupon_codes_and_rounding(self):
        with pytest.raises(ValueError):
            self.cart.apply_coupon("save10")
        self.cart.add("c-pad", 5)
        self.cart.apply_coupon("SAVE10")
        assert self.cart.total() == 765 - 76
