"""A shopping cart: products with quantities, and at most one coupon."""

COUPONS = {"SAVE10": 10, "HALF": 50}  # percent off the subtotal


class Cart:
    """A shopping cart. Prices are whole cents.

    add(sku, price, quantity=1): put `quantity` more of a product in the cart. A product already
        in the cart keeps its one line and its quantity grows; adding it again at another price
        is a ValueError. quantity below 1 or a negative price is a ValueError.
    remove(sku, quantity=None): take `quantity` of a product out (all of it when None); the line
        goes when its quantity reaches 0. KeyError for a product that is not in the cart,
        ValueError for quantity below 1 or for taking out more than there is.
    lines(): [(sku, quantity, price), ...] sorted by sku.
    count(): how many items are in the cart, all lines together.
    subtotal(): the sum of price times quantity over the lines.
    apply_coupon(code): a code from COUPONS; ValueError for an unknown code or a second coupon.
    total(): the subtotal less the coupon's discount, which is its percentage of the subtotal
        rounded down to whole cents. The discount always follows the current subtotal, also
        for items added after the coupon was applied.
    """

    def __init__(self):
        self._lines = {}  # sku -> [quantity, price]
        self._coupon = None
        self._discount = 0

    def add(self, sku, price, quantity=1):
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        if price < 0:
            raise ValueError("price cannot be negative")
        if sku in self._lines:
            line = self._lines[sku]
            if line[1] != price:
                raise ValueError(f"{sku} is already in the cart at another price")
            line[0] += quantity
        else:
            self._lines[sku] = [quantity, price]

    def remove(self, sku, quantity=None):
        line = self._lines[sku]
        if quantity is None:
            quantity = line[0]
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        if quantity > line[0]:
            raise ValueError(f"only {line[0]} of {sku} in the cart")
        line[0] -= quantity
        if line[0] == 0:
            del self._lines[sku]

    def lines(self):
        return sorted((sku, quantity, price) for sku, (quantity, price) in self._lines.items())

    def count(self):
        return sum(quantity for quantity, _ in self._lines.values())

    def subtotal(self):
        return sum(quantity * price for quantity, price in self._lines.values())

    def apply_coupon(self, code):
        if code not in COUPONS:
            raise ValueError(f"unknown coupon {code!r}")
        if self._coupon is not None:
            raise ValueError("a coupon is already applied")
        self._coupon = code
        self._discount = self.subtotal() * COUPONS[code] // 100

    def total(self):
        return self.subtotal() - self._discount
