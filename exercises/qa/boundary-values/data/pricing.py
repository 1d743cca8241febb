"""Volume pricing for a print shop: the more copies, the lower the price per copy."""

MAX_COPIES = 10_000
SHIPPING = 300  # cents
FREE_SHIPPING_FROM = 7000  # cents


def unit_price(copies):
    """The price of one copy in cents, for an order of `copies` copies.

    1 to 9 copies: 10 cents; 10 to 49: 9 cents; 50 to 99: 8 cents; 100 or more: 7 cents.
    Raises ValueError for fewer than 1 copy or more than MAX_COPIES copies.
    """
    if copies < 1 or copies > MAX_COPIES:
        raise ValueError(f"copies must be between 1 and {MAX_COPIES}, got {copies}")
    if copies >= 100:
        return 7
    if copies >= 50:
        return 8
    if copies >= 10:
        return 9
    return 10


def order_total(copies):
    """The order's total in cents: copies times the unit price, plus shipping.

    Shipping costs SHIPPING cents, and is free when the copies cost FREE_SHIPPING_FROM cents or more.
    """
    cost = copies * unit_price(copies)
    if cost >= FREE_SHIPPING_FROM:
        return cost
    return cost + SHIPPING
