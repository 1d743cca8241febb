import pytest

from cart import Cart


@pytest.fixture
def cart():
    return Cart()


def test_a_new_cart_is_empty(cart):
    assert cart.lines() == []
    assert cart.count() == 0
    assert cart.total() == 0


def test_adding_a_product_again_adds_to_its_quantity(cart):
    cart.add("apple", 50, 2)
    cart.add("apple", 50, 3)
    assert cart.lines() == [("apple", 5, 50)]


def test_count_is_the_number_of_items(cart):
    cart.add("apple", 50, 2)
    cart.add("pear", 70)
    assert cart.count() == 3
    assert cart.subtotal() == 170


def test_removing_part_keeps_the_rest(cart):
    cart.add("apple", 50, 5)
    cart.remove("apple", 2)
    assert cart.lines() == [("apple", 3, 50)]


def test_removing_everything_drops_the_line(cart):
    cart.add("apple", 50, 2)
    cart.add("pear", 70)
    cart.remove("apple", 2)
    assert cart.lines() == [("pear", 1, 70)]
    cart.remove("pear")
    assert cart.lines() == []


def test_lines_are_sorted_by_sku(cart):
    cart.add("pear", 70)
    cart.add("apple", 50, 2)
    cart.add("fig", 90)
    assert cart.lines() == [("apple", 2, 50), ("fig", 1, 90), ("pear", 1, 70)]


def test_adding_again_at_another_price_is_refused_and_changes_nothing(cart):
    cart.add("apple", 50, 2)
    with pytest.raises(ValueError):
        cart.add("apple", 60, 3)
    assert cart.lines() == [("apple", 2, 50)]


@pytest.mark.parametrize(("price", "quantity"), [(-1, 1), (50, 0)])
def test_a_negative_price_or_no_quantity_is_refused(cart, price, quantity):
    with pytest.raises(ValueError):
        cart.add("apple", price, quantity)
    assert cart.lines() == []


def test_removing_a_product_not_in_the_cart_is_a_key_error(cart):
    cart.add("apple", 50)
    with pytest.raises(KeyError):
        cart.remove("pear")
    assert cart.lines() == [("apple", 1, 50)]


def test_removing_more_than_there_is_is_refused_and_changes_nothing(cart):
    cart.add("apple", 50, 2)
    with pytest.raises(ValueError):
        cart.remove("apple", 3)
    assert cart.lines() == [("apple", 2, 50)]


def test_an_unknown_coupon_is_refused(cart):
    cart.add("apple", 1000)
    with pytest.raises(ValueError):
        cart.apply_coupon("FREE")
    assert cart.total() == 1000


def test_the_discount_is_rounded_down(cart):
    cart.add("pen", 995)
    cart.apply_coupon("SAVE10")
    assert cart.total() == 995 - 99  # 10 % of 995 is 99.5 cents


def test_a_second_coupon_is_refused(cart):
    cart.add("apple", 1000)
    cart.apply_coupon("SAVE10")
    with pytest.raises(ValueError):
        cart.apply_coupon("HALF")
    assert cart.total() == 900


def test_items_added_after_the_coupon_are_discounted(cart):
    cart.add("apple", 1000)
    cart.apply_coupon("HALF")
    cart.add("pear", 600)
    assert cart.total() == 800
