import pytest
from cart import Cart

cart = Cart()          # one cart shared by every test


def test_add_again():
    cart.add("apple", 50, 2)
    cart.add("apple", 50, 3)
    assert cart.lines() == [("apple", 5, 50)]


def test_remove_all():
    cart.remove("apple")
    assert cart.lines() == []


def test_remove_too_many():
    cart.add("pear", 70, 1)
    with pytest.raises(ValueError):
        cart.remove("pear", 2)
    assert cart.count() == 1


def test_count_items():
    cart.add("pear", 70, 2)
    assert cart.count() == 3


def test_coupon_follows_cart():
    cart.apply_coupon("SAVE10")
    cart.add("pen", 995)
    assert cart.total() == 1205 - 120


def test_second_coupon():
    with pytest.raises(ValueError):
        cart.apply_coupon("HALF")
