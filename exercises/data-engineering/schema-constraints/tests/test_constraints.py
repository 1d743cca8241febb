import itertools

import pytest
from gradekit.remote import LearnerError

COUNTER = itertools.count(1)


@pytest.fixture
def db(submission):
    """A fresh database with the learner's schema and a few good rows."""
    path = f"shop_{next(COUNTER)}.db"
    submission.create_schema(path)
    submission.insert(path, "customers", {"id": 1, "email": "ana@example.com", "name": "Ana"})
    submission.insert(path, "customers", {"id": 2, "email": "ben@example.com", "name": "Ben"})
    submission.insert(path, "products", {"sku": "PEN", "name": "Pen", "price": 1.5})
    submission.insert(path, "products", {"sku": "PAD", "name": "Pad", "price": 0})
    submission.insert(path, "orders", {"id": 10, "customer_id": 1, "created_at": "2024-05-01"})
    submission.insert(path, "order_items", {"order_id": 10, "sku": "PEN", "quantity": 2})
    return path


def rejected(action, what):
    """Check that `action()` fails with sqlite3.IntegrityError."""
    try:
        action()
    except LearnerError as error:
        assert error.type_name == "IntegrityError", (
            f"{what} failed with {error.type_name}, expected an IntegrityError from a constraint"
        )
        return
    raise AssertionError(f"{what} was accepted; add a constraint that rejects it")


def count(submission, db, table):
    return submission.execute(db, f"SELECT COUNT(*) FROM {table}")[0][0]


def test_create_twice(submission, db):
    """create_schema() can run again on an existing database"""
    submission.create_schema(db)
    assert count(submission, db, "customers") == 2, "running create_schema() again must keep the existing rows"


@pytest.mark.points(2)
def test_good_rows_accepted(submission, db):
    """Valid rows of every table are accepted"""
    submission.insert(db, "customers", {"email": "cy@example.com", "name": "Cy"})
    submission.insert(db, "products", {"sku": "INK", "name": "Ink", "price": 12.0})
    submission.insert(db, "orders", {"id": 11, "customer_id": 2, "created_at": "2024-05-02"})
    submission.insert(db, "order_items", {"order_id": 11, "sku": "PEN", "quantity": 1})
    submission.insert(db, "order_items", {"order_id": 11, "sku": "INK", "quantity": 5})
    submission.insert(db, "order_items", {"order_id": 10, "sku": "INK", "quantity": 1})
    assert count(submission, db, "order_items") == 4, "valid order items must all be stored"


@pytest.mark.points(2)
def test_email_unique(submission, db):
    """Customer emails are unique, ignoring case"""
    rejected(lambda: submission.insert(db, "customers", {"email": "ana@example.com", "name": "Ana 2"}),
             "a second customer with the same email")
    rejected(lambda: submission.insert(db, "customers", {"email": "Ana@Example.COM", "name": "Ana 3"}),
             "a second customer with the same email in other letter case")


@pytest.mark.points(2)
def test_required_columns(submission, db):
    """Required columns refuse NULL"""
    cases = [
        ("customers", {"email": None, "name": "X"}), ("customers", {"email": "x@example.com"}),
        ("products", {"sku": "X1", "name": "X", "price": None}), ("products", {"sku": "X2", "price": 1}),
        ("products", {"sku": None, "name": "No sku", "price": 1}),
        ("orders", {"customer_id": None, "created_at": "2024-05-03"}), ("orders", {"customer_id": 1}),
        ("order_items", {"order_id": 10, "sku": "PAD"}),
    ]
    for table, row in cases:
        missing = sorted((REQUIRED[table] - set(row)) | {k for k, v in row.items() if v is None})
        rejected(lambda: submission.insert(db, table, row), f"a {table} row without {missing[0]}")


REQUIRED = {"customers": {"email", "name"}, "products": {"sku", "name", "price"},
            "orders": {"customer_id", "created_at"}, "order_items": {"quantity", "sku", "order_id"}}


@pytest.mark.points(2)
def test_checks(submission, db):
    """Prices can't be negative and quantities must be above 0"""
    rejected(lambda: submission.insert(db, "products", {"sku": "NEG", "name": "Neg", "price": -0.01}),
             "a product with a negative price")
    rejected(lambda: submission.insert(db, "order_items", {"order_id": 10, "sku": "PAD", "quantity": 0}),
             "an order item with quantity 0")
    rejected(lambda: submission.insert(db, "order_items", {"order_id": 10, "sku": "PAD", "quantity": -2}),
             "an order item with a negative quantity")


@pytest.mark.points(2)
def test_primary_keys(submission, db):
    """Primary keys refuse duplicates, including the (order_id, sku) pair"""
    rejected(lambda: submission.insert(db, "products", {"sku": "PEN", "name": "Pen again", "price": 2}),
             "a second product with the same sku")
    rejected(lambda: submission.insert(db, "customers", {"id": 1, "email": "new@example.com", "name": "New"}),
             "a second customer with the same id")
    rejected(lambda: submission.insert(db, "order_items", {"order_id": 10, "sku": "PEN", "quantity": 9}),
             "the same product twice in one order")


@pytest.mark.points(3)
def test_foreign_keys(submission, db):
    """Orders and items must point at rows that exist"""
    rejected(lambda: submission.insert(db, "orders", {"customer_id": 42, "created_at": "2024-05-03"}),
             "an order for a customer that does not exist")
    rejected(lambda: submission.insert(db, "order_items", {"order_id": 999, "sku": "PEN", "quantity": 1}),
             "an item of an order that does not exist")
    rejected(lambda: submission.insert(db, "order_items", {"order_id": 10, "sku": "NOPE", "quantity": 1}),
             "an item for a product that does not exist")


@pytest.mark.points(2)
def test_delete_rules(submission, db):
    """Deleting an order deletes its items; a customer with orders can't be deleted"""
    try:
        rejected(lambda: submission.execute(db, "DELETE FROM customers WHERE id = 1"),
                 "deleting a customer who still has orders")
    except AssertionError:
        if count(submission, db, "orders") == 0:
            raise AssertionError(
                "deleting a customer who still has orders was accepted and deleted their orders too; make "
                "orders.customer_id a plain REFERENCES customers (id), without ON DELETE CASCADE, so that SQLite "
                "refuses the delete"
            ) from None
        raise
    submission.execute(db, "DELETE FROM customers WHERE id = 2")
    assert count(submission, db, "customers") == 1, "a customer without orders must be deletable"
    try:
        submission.execute(db, "DELETE FROM orders WHERE id = 10")
    except LearnerError:
        raise AssertionError(
            "deleting an order that has items failed; its items must be deleted with it: add ON DELETE CASCADE "
            "to order_items.order_id"
        ) from None
    assert count(submission, db, "order_items") == 0, (
        "deleting an order must delete its items too: add ON DELETE CASCADE to order_items.order_id"
    )
