import pandas as pd


def test_add_customers_example(submission):
    """add_customers keeps the order of an unknown customer"""
    orders = pd.DataFrame({"order_id": [1, 2, 3], "customer_id": ["K1", "K9", "K2"], "sku": ["P1", "P2", "P1"],
                           "quantity": [2, 1, 1]})
    customers = pd.DataFrame({"customer_id": ["K1", "K2", "K3"], "name": ["Ana", "Bruno", "Chloé"],
                              "country": ["PT", "ES", "FR"]})
    result = submission.add_customers(orders, customers)
    assert isinstance(result, pd.DataFrame), "add_customers must return a DataFrame"
    assert list(result["order_id"]) == [1, 2, 3]
    assert list(result["country"].fillna("?")) == ["PT", "?", "ES"]


def test_enriched_rows(submission):
    """enriched has one row per order of orders.csv"""
    enriched = submission.get("enriched")
    assert isinstance(enriched, pd.DataFrame), "enriched must be a DataFrame"
    assert len(enriched) == 30, "orders.csv has 30 orders"


def test_without_orders_example(submission):
    """customers_without_orders lists three customers"""
    assert submission.get("customers_without_orders") == ["K02", "K09", "K10"]
