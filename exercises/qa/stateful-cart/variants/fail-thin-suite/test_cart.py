from cart import Cart


def test_add_twice():
    cart = Cart()
    cart.add("apple", 50, 2)
    cart.add("apple", 50, 3)
    assert cart.count() == 5


def test_remove_all():
    cart = Cart()
    cart.add("apple", 50, 2)
    cart.remove("apple")
    assert cart.lines() == []


def test_remove_too_many():
    import pytest
    cart = Cart()
    cart.add("apple", 50, 2)
    with pytest.raises(ValueError):
        cart.remove("apple", 5)


def test_two_coupons():
    import pytest
    cart = Cart()
    cart.apply_coupon("SAVE10")
    with pytest.raises(ValueError):
        cart.apply_coupon("HALF")


def test_coupon_then_item():
    cart = Cart()
    cart.apply_coupon("HALF")
    cart.add("apple", 1000)
    assert cart.total() == 500
