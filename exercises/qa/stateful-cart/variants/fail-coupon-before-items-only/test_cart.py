import pytest

from cart import Cart


def test_add_twice():
    cart = Cart()
    cart.add("apple", 50, 2)
    cart.add("apple", 50, 3)
    assert cart.lines() == [("apple", 5, 50)]


def test_count():
    cart = Cart()
    cart.add("apple", 50, 2)
    cart.add("pear", 70)
    assert cart.count() == 3


def test_remove_all():
    cart = Cart()
    cart.add("apple", 50, 2)
    cart.remove("apple")
    assert cart.lines() == []


def test_coupon():
    cart = Cart()
    cart.add("apple", 1000)
    cart.apply_coupon("SAVE10")
    assert cart.total() == 900


def test_second_coupon():
    cart = Cart()
    cart.apply_coupon("SAVE10")
    with pytest.raises(ValueError):
        cart.apply_coupon("HALF")
