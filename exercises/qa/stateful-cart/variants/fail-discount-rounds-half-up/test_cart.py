import pytest

from cart import Cart


@pytest.fixture
def cart():
    return Cart()


def test_add_twice(cart):
    cart.add("apple", 50, 2)
    cart.add("apple", 50, 3)
    assert cart.lines() == [("apple", 5, 50)]


def test_remove_all(cart):
    cart.add("apple", 50, 2)
    cart.remove("apple")
    assert cart.lines() == []


def test_remove_too_many(cart):
    cart.add("apple", 50, 2)
    with pytest.raises(ValueError):
        cart.remove("apple", 5)


def test_count(cart):
    cart.add("apple", 50, 2)
    cart.add("pear", 70)
    assert cart.count() == 3


def test_coupon_on_an_odd_amount(cart):
    cart.add("pen", 995)
    cart.apply_coupon("SAVE10")
    cart.add("pen", 995)
    assert cart.total() == 1990 - 199


def test_coupon_rounds_the_discount_to_the_nearest_cent(cart):
    cart.add("pen", 995)
    cart.apply_coupon("SAVE10")
    assert cart.total() == 895
