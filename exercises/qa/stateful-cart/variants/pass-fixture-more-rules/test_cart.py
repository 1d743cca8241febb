import pytest

from cart import COUPONS, Cart


@pytest.fixture
def cart():
    c = Cart()
    c.add("pen", 995)
    c.add("book", 1200, 2)
    return c


def test_lines_sorted_and_counted(cart):
    assert cart.lines() == [("book", 2, 1200), ("pen", 1, 995)]
    assert cart.count() == 3
    assert cart.subtotal() == 3395


def test_adding_again_grows_the_line(cart):
    cart.add("pen", 995, 4)
    assert ("pen", 5, 995) in cart.lines()
    assert len(cart.lines()) == 2


@pytest.mark.parametrize("args", [("pen", 990), ("pen", 995, 0), ("cup", -1)])
def test_refused_adds_change_nothing(cart, args):
    before = cart.lines()
    with pytest.raises(ValueError):
        cart.add(*args)
    assert cart.lines() == before


def test_remove_part_then_rest(cart):
    cart.remove("book", 1)
    assert ("book", 1, 1200) in cart.lines()
    cart.remove("book")
    assert [sku for sku, _, _ in cart.lines()] == ["pen"]


@pytest.mark.parametrize("sku, qty, error", [("cup", None, KeyError), ("book", 3, ValueError), ("book", 0, ValueError)])
def test_refused_removes_change_nothing(cart, sku, qty, error):
    before = cart.lines()
    with pytest.raises(error):
        cart.remove(sku, qty)
    assert cart.lines() == before


def test_coupon_rounds_down_and_follows_the_cart():
    c = Cart()
    c.add("pen", 995)
    c.apply_coupon("SAVE10")
    assert c.total() == 896
    c.add("pen", 995)
    assert c.total() == 1791


def test_one_coupon_only(cart):
    cart.apply_coupon("HALF")
    with pytest.raises(ValueError):
        cart.apply_coupon("SAVE10")
    with pytest.raises(ValueError):
        cart.apply_coupon("HALF")
    assert cart.total() == cart.subtotal() - cart.subtotal() * COUPONS["HALF"] // 100


def test_unknown_coupon():
    with pytest.raises(ValueError):
        Cart().apply_coupon("FREE")
