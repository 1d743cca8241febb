"""Volume pricing for a print shop: each discount threshold an order reaches takes a cent off."""

MAX_COPIES = 10_000
SHIPPING = 300  # cents
FREE_SHIPPING_FROM = 7000  # cents


def unit_price(copies):
    """10 cents a copy, one cent less for each of 10, 50 and 100 copies the order reaches."""
    too_few = copies < 1
    if too_few or copies > MAX_COPIES:
        raise ValueError(f"copies must be between 1 and {MAX_COPIES}, got {copies}")
    reached = sum(1 for threshold in (10, 50, 100) if copies >= threshold)
    return 10 - reached


def order_total(copies):
    """What the copies cost, and shipping on top unless they cost FREE_SHIPPING_FROM or more."""
    price = unit_price(copies)
    goods = copies * price
    if goods < FREE_SHIPPING_FROM:
        goods += SHIPPING
    return goods
