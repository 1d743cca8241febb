import pytest
from gradekit.remote import LearnerError


def test_good_rows(submission):
    """A customer, a product, an order and an item can be inserted"""
    submission.create_schema("example.db")
    customer = submission.insert("example.db", "customers", {"email": "ana@example.com", "name": "Ana"})
    submission.insert("example.db", "products", {"sku": "PEN", "name": "Pen", "price": 1.5})
    order = submission.insert("example.db", "orders", {"customer_id": customer, "created_at": "2024-05-01"})
    submission.insert("example.db", "order_items", {"order_id": order, "sku": "PEN", "quantity": 3})
    assert submission.execute("example.db", "SELECT quantity FROM order_items") == [(3,)]


def test_unknown_customer_rejected(submission):
    """An order for a customer that does not exist is rejected"""
    submission.create_schema("example2.db")
    try:
        submission.insert("example2.db", "orders", {"customer_id": 99, "created_at": "2024-05-01"})
    except LearnerError as error:
        assert error.type_name == "IntegrityError"
    else:
        pytest.fail("the order was accepted: orders.customer_id must reference customers (id)")
