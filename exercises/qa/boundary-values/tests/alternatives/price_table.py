"""Volume pricing for a print shop, read from a table of tiers."""

MAX_COPIES = 10_000
SHIPPING = 300  # cents
FREE_SHIPPING_FROM = 7000  # cents

# (first copy of the tier, price per copy in cents), from the largest orders down
_TIERS = ((100, 7), (50, 8), (10, 9))
_BASE_PRICE = 10


def _check_range(copies):
    if copies < 1 or copies > MAX_COPIES:
        raise ValueError(f"copies must be between 1 and {MAX_COPIES}, got {copies}")


def unit_price(copies):
    """The price of one copy in cents, for an order of `copies` copies."""
    _check_range(copies)
    for first, price in _TIERS:
        if copies >= first:
            return price
    return _BASE_PRICE


def order_total(copies):
    """The order's total in cents, shipping included when the copies cost too little."""
    cost = copies * unit_price(copies)
    fee = 0 if cost >= FREE_SHIPPING_FROM else SHIPPING
    return cost + fee
