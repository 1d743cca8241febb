"""A shopping cart that keeps quantities and prices in two dictionaries."""

COUPONS = {"SAVE10": 10, "HALF": 50}  # percent off the subtotal


def _less_percent(amount, percent):
    """`amount` less `percent` percent of it, the part taken off rounded down."""
    taken = amount * percent // 100
    return amount - taken


class Cart:
    """A shopping cart. Prices are whole cents."""

    def __init__(self):
        self._quantities = {}  # sku -> quantity
        self._prices = {}  # sku -> price per item
        self._percent_code = None

    def _check(self, price, quantity):
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        if price < 0:
            raise ValueError("price cannot be negative")

    def add(self, sku, price, quantity=1):
        self._check(price, quantity)
        try:
            known_price = self._prices[sku]
        except KeyError:
            self._prices[sku] = price
            self._quantities[sku] = quantity
            return
        if known_price != price:
            raise ValueError(f"{sku} is already in the cart at another price")
        self._quantities[sku] += quantity

    def remove(self, sku, quantity=None):
        held = self._quantities[sku]
        taken = quantity if quantity is not None else held
        if taken < 1:
            raise ValueError("quantity must be at least 1")
        if taken > held:
            raise ValueError(f"only {held} of {sku} in the cart")
        left = held - taken
        if left == 0:
            del self._quantities[sku], self._prices[sku]
        else:
            self._quantities[sku] = left

    def lines(self):
        rows = [(sku, quantity, self._prices[sku]) for sku, quantity in self._quantities.items()]
        rows.sort()
        return rows

    def count(self):
        return sum(self._quantities.values())

    def subtotal(self):
        prices = self._prices
        return sum(quantity * prices[sku] for sku, quantity in self._quantities.items())

    def apply_coupon(self, code):
        if code not in COUPONS:
            raise ValueError(f"unknown coupon {code!r}")
        if self._percent_code is not None:
            raise ValueError("a coupon is already applied")
        self._percent_code = code

    def total(self):
        before = self.subtotal()
        if self._percent_code is None:
            return before
        return _less_percent(before, COUPONS[self._percent_code])
