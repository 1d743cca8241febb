"""A shopping cart whose lines are kept as a list of (sku, quantity, price) tuples."""

COUPONS = {"SAVE10": 10, "HALF": 50}  # percent off the subtotal


class Cart:
    """A shopping cart. Prices are whole cents."""

    def __init__(self):
        self._entries = []  # (sku, quantity, price), in the order the products first came in
        self._skus = []  # the same products' skus, in the same order, to find a line quickly
        self._applied = ()  # the coupon codes applied: none or one

    def _index(self, sku):
        """Where the line of `sku` is in the list, or -1."""
        hash(sku)  # a product must be usable as a key, as in a dict
        try:
            return self._skus.index(sku)
        except ValueError:
            return -1

    def add(self, sku, price, quantity=1):
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        if price < 0:
            raise ValueError("price cannot be negative")
        position = self._index(sku)
        if position < 0:
            self._entries.append((sku, quantity, price))
            self._skus.append(sku)
            return
        known, held, unit = self._entries[position]
        if unit != price:
            raise ValueError(f"{sku} is already in the cart at another price")
        self._entries[position] = (known, held + quantity, unit)

    def remove(self, sku, quantity=None):
        position = self._index(sku)
        if position < 0:
            raise KeyError(sku)
        known, held, unit = self._entries[position]
        taken = held if quantity is None else quantity
        if taken < 1:
            raise ValueError("quantity must be at least 1")
        if taken > held:
            raise ValueError(f"only {held} of {sku} in the cart")
        left = held - taken
        if left == 0:
            del self._entries[position]
            del self._skus[position]
        else:
            self._entries[position] = (known, left, unit)

    def lines(self):
        return sorted(self._entries)

    def count(self):
        return sum(held for _, held, _ in self._entries)

    def subtotal(self):
        return sum(held * unit for _, held, unit in self._entries)

    def _check_coupon(self, code):
        if code not in COUPONS:
            raise ValueError(f"unknown coupon {code!r}")
        if self._applied:
            raise ValueError("a coupon is already applied")

    def apply_coupon(self, code):
        self._check_coupon(code)
        self._applied += (code,)

    def total(self):
        amount = self.subtotal()
        for code in self._applied:
            amount -= amount * COUPONS[code] // 100
        return amount
