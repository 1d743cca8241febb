import pytest

from cart import Cart


def test_a_new_cart_is_empty():
    cart = Cart()
    assert cart.lines() == []
    assert cart.count() == 0
    assert cart.total() == 0


# Each test: a fresh cart, a sequence of actions, then checks of the state it leaves.
