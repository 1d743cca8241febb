import math

import numpy as np
import pandas as pd
import pytest

CUSTOMER_COLUMNS = ["name", "country"]
PRODUCT_COLUMNS = ["product", "category", "unit_price"]


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def tables(data_dir):
    orders = pd.read_csv(data_dir / "orders.csv", parse_dates=["date"])
    customers = pd.read_csv(data_dir / "customers.csv")
    products = pd.read_csv(data_dir / "products.csv")
    return orders, customers, products


def expected_enriched(data_dir):
    orders, customers, products = tables(data_dir)
    enriched = orders.merge(customers, on="customer_id", how="left").merge(
        products.drop_duplicates(subset="sku"), on="sku", how="left")
    enriched["revenue"] = enriched["quantity"] * enriched["unit_price"]
    return enriched


OUTER = ("rows without an order: an outer or right join adds the {right} that have no order — keep the orders "
         "and only them with how='left'")


def row_count_message(what, result, orders, right_name, key):
    """Explain a wrong number of rows after a merge."""
    got = len(result)
    if got < len(orders):
        return (f"{what} has fewer rows than there are orders: the orders whose {key} has no "
                f"partner in {right_name} were dropped — keep every order with how='left'")
    if result["order_id"].isna().any():
        return f"{what} has " + OUTER.format(right=right_name)
    return (f"{what} has more rows than there are orders: a {key} repeated in {right_name} "
            "duplicates its orders — drop the duplicates before merging")


# ------------------------------------------------------------------------------------ add_customers


def small_tables():
    orders = pd.DataFrame({
        "order_id": [41, 17, 23, 8, 30],
        "customer_id": ["B", "Z", "A", "B", "Y"],
        "sku": ["S1", "S2", "S1", "S3", "S2"],
        "quantity": [1, 4, 2, 2, 1],
    }, index=[10, 11, 12, 13, 14])
    customers = pd.DataFrame({
        "customer_id": ["A", "B", "C"],
        "name": ["Aiko", "Bea", "Cem"],
        "country": ["JP", "IT", "TR"],
    })
    return orders, customers


def call_add_customers(submission, orders, customers, what):
    call = f"add_customers(<{what}>)"
    result = submission.add_customers(orders, customers)
    assert isinstance(result, pd.DataFrame), f"{call} returned {type_name(result)}; it must return a DataFrame"
    for column in ["order_id", *CUSTOMER_COLUMNS]:
        assert column in result.columns, (
            f"{call} has no column {column!r}; keep the order columns and add name and country"
        )
    return result, call


@pytest.mark.points(2)
def test_add_customers_keeps_orders(submission, data_dir):
    """add_customers keeps every order exactly once, in order, also for unknown customers"""
    orders, customers, _ = tables(data_dir)
    for o, c, what in ((orders, customers, "orders.csv, customers.csv"), (*small_tables(), "other tables")):
        result, call = call_add_customers(submission, o, c, what)
        assert len(result) == len(o), row_count_message(call, result, o, "customers", "customer_id")
        assert list(result["order_id"]) == list(o["order_id"]), f"{call} changed the order of the orders; keep it"


@pytest.mark.points(2)
def test_add_customers_values(submission, data_dir):
    """add_customers adds each order's customer name and country, NaN when unknown"""
    orders, customers, _ = tables(data_dir)
    for o, c, what in ((orders, customers, "orders.csv, customers.csv"), (*small_tables(), "other tables")):
        result, call = call_add_customers(submission, o, c, what)
        assert len(result) == len(o), f"{call} does not keep every order exactly once; see the row check"
        want = o.merge(c, on="customer_id", how="left")
        for column in CUSTOMER_COLUMNS:
            got = result[column].reset_index(drop=True)
            unknown = want[column].isna()
            assert got[unknown].isna().all(), (
                f"{call}: orders of unknown customers must have NaN in {column}, don't fill it in here"
            )
            assert list(got[~unknown]) == list(want.loc[~unknown, column]), (
                f"{call}: some orders have the {column} of another customer; merge on customer_id"
            )
        for column in o.columns:
            assert column in result.columns, f"{call} lost the column {column!r} of the orders"


# ------------------------------------------------------------------------------------ enriched


def enriched_frame(submission, data_dir, *columns):
    enriched = fetch(submission, "enriched", "the orders with their customer and product")
    assert isinstance(enriched, pd.DataFrame), f"enriched is {type_name(enriched)}; it must be a DataFrame"
    orders, _, _ = tables(data_dir)
    for column in ("order_id", *columns):
        assert column in enriched.columns, (
            f"enriched has no column {column!r}"
        )
    return enriched, orders


@pytest.mark.points(3)
def test_enriched_rows(submission, data_dir):
    """enriched has every order exactly once"""
    enriched, orders = enriched_frame(submission, data_dir)
    assert not enriched["order_id"].isna().any(), "enriched has " + OUTER.format(right="customers or products")
    ids = list(enriched["order_id"])
    lost = set(orders["order_id"]) - set(ids)
    if lost:
        lost_orders = orders[orders["order_id"].isin(lost)]
        _, customers, _ = tables(data_dir)
        unknown = ~lost_orders["customer_id"].isin(customers["customer_id"])
        assert not unknown.all(), (
            "enriched lost the orders whose customer is not in customers.csv (an inner join); "
            "keep every order with how='left'"
        )
        raise AssertionError("enriched lost some orders; keep every order with how='left'")
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise AssertionError(
            "enriched lists some orders twice, all of one product: products.csv lists that "
            "product twice — drop_duplicates on products before merging"
        )
    assert sorted(ids) == sorted(orders["order_id"]), "enriched holds orders that are not in orders.csv"


@pytest.mark.points(2)
def test_enriched_columns(submission, data_dir):
    """enriched carries the customer and product columns of each order"""
    enriched, orders = enriched_frame(submission, data_dir, *CUSTOMER_COLUMNS, *PRODUCT_COLUMNS)
    want = expected_enriched(data_dir).set_index("order_id")
    got = enriched.drop_duplicates(subset="order_id").set_index("order_id")
    common = [i for i in want.index if i in got.index]
    assert common, "enriched holds none of the orders; see the row check"
    got, want = got.loc[common], want.loc[common]
    for column in CUSTOMER_COLUMNS:
        assert list(got[column].fillna("?")) == list(want[column].fillna("?")), (
            f"enriched's {column} is not the order's customer's (NaN for unknown customers)"
        )
    for column in PRODUCT_COLUMNS:
        assert not got[column].isna().any(), f"enriched's {column} is missing for some orders; every sku is in products.csv"
        assert list(got[column].astype(str)) == list(want[column].astype(str)), (
            f"enriched's {column} is not the order's product's; merge on sku"
        )


def test_enriched_revenue(submission, data_dir):
    """enriched's revenue is quantity x unit_price"""
    enriched, orders = enriched_frame(submission, data_dir, "revenue")
    want = expected_enriched(data_dir).set_index("order_id")["revenue"]
    got = enriched.drop_duplicates(subset="order_id").set_index("order_id")["revenue"]
    common = [i for i in want.index if i in got.index]
    assert np.allclose(got.loc[common].astype(float).to_numpy(), want.loc[common].to_numpy()), (
        "enriched's revenue is not quantity x unit_price"
    )


# ------------------------------------------------------------------------------------ revenue_by_country


@pytest.mark.points(2)
def test_revenue_by_country(submission, data_dir):
    """revenue_by_country totals each country, unknown customers under "Unknown\""""
    value = fetch(submission, "revenue_by_country", "the revenue per country")
    assert isinstance(value, pd.Series), f"revenue_by_country is {type_name(value)}; it must be a Series"
    enriched = expected_enriched(data_dir)
    want = enriched.fillna({"country": "Unknown"}).groupby("country")["revenue"].sum().sort_values(ascending=False)
    labels = [str(v) for v in value.index]
    nan_labels = [v for v in value.index if not isinstance(v, str)]
    assert not nan_labels, "revenue_by_country has a NaN label; name the unknown customers' country 'Unknown'"
    assert "Unknown" in labels, (
        "revenue_by_country has no 'Unknown' entry: groupby leaves out the orders without a country — "
        "fill the missing country with 'Unknown' first (and keep those orders in enriched)"
    )
    assert sorted(labels) == sorted(want.index), (
        "revenue_by_country has the wrong countries; it needs one entry per country of the orders' customers, "
        "plus 'Unknown'"
    )
    got = value.reindex(want.index).astype(float)
    if not np.allclose(got.to_numpy(), want.to_numpy()):
        doubled = expected_enriched_with_duplicates(data_dir)
        assert not np.allclose(got.to_numpy(), doubled.reindex(want.index).to_numpy()), (
            "revenue_by_country counts the repeated product's orders twice; drop the duplicate product first"
        )
        raise AssertionError("revenue_by_country's totals are wrong; add up the revenue of each country's orders")
    assert labels == list(want.index), "revenue_by_country must be sorted from the largest revenue to the smallest"


def expected_enriched_with_duplicates(data_dir):
    orders, customers, products = tables(data_dir)
    enriched = orders.merge(customers, on="customer_id", how="left").merge(products, on="sku", how="left")
    enriched["revenue"] = enriched["quantity"] * enriched["unit_price"]
    return enriched.fillna({"country": "Unknown"}).groupby("country")["revenue"].sum()


# ------------------------------------------------------------------------------------ anti-join


@pytest.mark.points(2)
def test_customers_without_orders(submission, data_dir):
    """customers_without_orders lists the customers who never ordered, sorted"""
    value = fetch(submission, "customers_without_orders", "the sorted ids of customers without orders")
    assert isinstance(value, (list, tuple)), f"customers_without_orders is {type_name(value)}; make it a list"
    orders, customers, _ = tables(data_dir)
    want = sorted(set(customers["customer_id"]) - set(orders["customer_id"]))
    got = list(value)
    deleted = set(orders["customer_id"]) - set(customers["customer_id"])
    assert not set(got) & deleted, (
        "customers_without_orders holds ids of orders whose customer is unknown; it must list customers of "
        "customers.csv that have no order (the other direction)"
    )
    assert sorted(map(str, got)) == want, (
        "customers_without_orders does not hold exactly the customers of customers.csv without an order"
    )
    assert got == want, "customers_without_orders must be sorted A to Z"
