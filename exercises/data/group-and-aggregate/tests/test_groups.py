import math

import numpy as np
import pandas as pd
import pytest

STORES = ["Airport", "Downtown", "Mall"]


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def load(data_dir):
    return pd.read_csv(data_dir / "orders.csv", parse_dates=["date"])


# ------------------------------------------------------------------------------------ store_summary


def summary_of(submission, column):
    summary = fetch(submission, "store_summary", "one row of figures per store")
    assert isinstance(summary, pd.DataFrame), f"store_summary is {type_name(summary)}; it must be a DataFrame"
    if "store" in summary.columns:
        summary = summary.set_index("store")
    labels = sorted(map(str, summary.index))
    assert labels == STORES, (
        "store_summary must have one row per store, labelled by the store (index or a store column)"
    )
    assert column in summary.columns, (
        f"store_summary has no column {column!r}"
    )
    return summary[column].reindex(STORES)


def test_summary_orders(submission, data_dir):
    """store_summary counts the orders of each store"""
    got = summary_of(submission, "orders")
    want = load(data_dir).groupby("store").size().reindex(STORES)
    assert [int(v) for v in got] == list(want), (
        "store_summary's orders is not the number of orders of each store; count rows (size), guests included"
    )


@pytest.mark.points(2)
def test_summary_customers(submission, data_dir):
    """store_summary counts distinct customers, guests left out"""
    got = [int(v) for v in summary_of(submission, "customers")]
    orders = load(data_dir)
    by_store = orders.groupby("store")["customer_id"]
    want = list(by_store.nunique().reindex(STORES))
    assert got != list(by_store.count().reindex(STORES)), (
        "store_summary's customers counts every order with a customer id; a customer with several orders "
        "counts once (nunique)"
    )
    assert got != list(by_store.nunique(dropna=False).reindex(STORES)), (
        "store_summary's customers counts the guests as a customer; leave the missing ids out"
    )
    assert got != list(orders.groupby("store").size().reindex(STORES)), (
        "store_summary's customers counts the orders; count the distinct customer ids"
    )
    assert got == want, "store_summary's customers is not the number of distinct customers of each store"


def test_summary_revenue(submission, data_dir):
    """store_summary adds up the revenue of each store"""
    got = summary_of(submission, "revenue").astype(float)
    want = load(data_dir).groupby("store")["amount"].sum().reindex(STORES)
    assert np.allclose(got.to_numpy(), want.to_numpy()), "store_summary's revenue is not the total amount of each store"


@pytest.mark.points(2)
def test_summary_avg_order(submission, data_dir):
    """store_summary's avg_order is the average amount per order"""
    got = summary_of(submission, "avg_order").astype(float).to_numpy()
    orders = load(data_dir)
    want = orders.groupby("store")["amount"].mean().reindex(STORES).to_numpy()
    if np.allclose(got, want):
        return
    revenue = orders.groupby("store")["amount"].sum()
    for customers in (orders.groupby("store")["customer_id"].nunique(), orders.groupby("store")["customer_id"].count()):
        assert not np.allclose(got, (revenue / customers).reindex(STORES).to_numpy()), (
            "store_summary's avg_order divides by the number of customers; it is the average per order"
        )
    category_means = orders.groupby(["store", "category"])["amount"].mean().groupby(level="store").mean()
    assert not np.allclose(got, category_means.reindex(STORES).to_numpy()), (
        "store_summary's avg_order averages the category averages; average the orders themselves"
    )
    raise AssertionError("store_summary's avg_order is not the average amount of the store's orders")


# ------------------------------------------------------------------------------------ store_category


def pairs_of(value):
    """{(store, category): revenue} from a MultiIndex Series or a long DataFrame."""
    if isinstance(value, pd.DataFrame):
        frame = value.reset_index() if isinstance(value.index, pd.MultiIndex) or value.index.name else value
        if "store" in frame.columns and "category" in frame.columns:
            numbers = [c for c in frame.columns if c not in ("store", "category", "index")
                       and pd.api.types.is_numeric_dtype(frame[c])]
            column = "revenue" if "revenue" in numbers else (numbers[0] if len(numbers) == 1 else None)
            assert column is not None, (
                "store_category has several number columns; keep store, category and revenue"
            )
            return {(str(s), str(c)): float(v) for s, c, v in zip(frame["store"], frame["category"], frame[column])}
        raise AssertionError(
            "store_category looks like a wide table; make it long, one entry per (store, category) pair "
            "(a Series from groupby(['store', 'category']), or .stack() a wide table)"
        )
    assert isinstance(value, pd.Series), (
        f"store_category is {type_name(value)}; it must be a Series or a DataFrame"
    )
    assert isinstance(value.index, pd.MultiIndex) and value.index.nlevels == 2, (
        "store_category's index must have two levels, store and category (groupby(['store', 'category']))"
    )
    names = list(value.index.names)
    if names == ["category", "store"]:
        return {(str(s), str(c)): float(v) for (c, s), v in value.items()}
    return {(str(s), str(c)): float(v) for (s, c), v in value.items()}


@pytest.mark.points(2)
def test_store_category(submission, data_dir):
    """store_category holds the revenue of each store and category"""
    value = fetch(submission, "store_category", "the revenue per store and category")
    pairs = pairs_of(value)
    want = load(data_dir).groupby(["store", "category"])["amount"].sum()
    want = {(s, c): v for (s, c), v in want.items()}
    pairs = {k: v for k, v in pairs.items() if k in want or not (v == 0 or math.isnan(v))}
    missing = sorted(set(want) - set(pairs))
    assert not missing, (
        "store_category lacks a (store, category) pair that has orders; one entry per pair with orders"
    )
    extra = sorted(set(pairs) - set(want))
    assert not extra, "store_category has an entry for a (store, category) pair that has no orders"
    wrong = sorted(k for k in want if not math.isclose(pairs[k], want[k], rel_tol=1e-9))
    assert not wrong, (
        "store_category's revenue for a (store, category) pair is not the total amount of that pair"
    )


# ------------------------------------------------------------------------------------ share_of_store


@pytest.mark.points(2)
def test_share_of_store(submission, data_dir):
    """share_of_store divides each order by its own store's revenue"""
    orders = fetch(submission, "orders", "the orders with the share_of_store column")
    assert isinstance(orders, pd.DataFrame), f"orders is {type_name(orders)}; keep it the DataFrame of orders.csv"
    expected = load(data_dir)
    assert "share_of_store" in orders.columns, "orders has no share_of_store column; add it"
    assert len(orders) == len(expected), (
        "orders does not hold every order of the file; keep every order"
    )
    orders = orders.set_index("order_id").loc[expected["order_id"]] if "order_id" in orders.columns else orders
    share = orders["share_of_store"].astype(float).to_numpy()
    assert not np.isnan(share).all(), (
        "share_of_store is NaN everywhere: a per-store sum has one row per store and doesn't line up with the "
        "orders; use groupby('store')['amount'].transform('sum')"
    )
    assert not np.isnan(share).any(), "share_of_store has missing values; every order has a share"
    want = (expected["amount"] / expected.groupby("store")["amount"].transform("sum")).to_numpy()
    assert not np.allclose(share, (expected["amount"] / expected["amount"].sum()).to_numpy()), (
        "share_of_store divides by the revenue of all stores; divide by the order's own store's revenue"
    )
    assert not np.allclose(share, want * 100), "share_of_store is a percentage; give a share between 0 and 1"
    assert np.allclose(share, want), "share_of_store is not amount / its store's total revenue"


# ------------------------------------------------------------------------------------ top_category


def test_top_category(submission, data_dir):
    """top_category names the best-selling category of each store"""
    value = fetch(submission, "top_category", "the best category of each store")
    if isinstance(value, pd.Series):
        value = value.to_dict()
    assert isinstance(value, dict), f"top_category is {type_name(value)}; make it a dict store -> category"
    assert sorted(map(str, value)) == STORES, f"top_category must have one entry per store, {STORES}"
    tuples = [v for v in value.values() if isinstance(v, tuple)]
    assert not tuples, (
        "top_category's values are pairs; keep only the category name"
    )
    want = load(data_dir).groupby(["store", "category"])["amount"].sum().unstack().idxmax(axis=1)
    wrong = [s for s in STORES if value[s] != want[s]]
    assert not wrong, f"top_category[{wrong[0]!r}] is not the category with the highest revenue in that store"


# ------------------------------------------------------------------------------------ big_spenders


def test_big_spenders(submission, data_dir):
    """big_spenders lists the customers who spent at least 250 in total, sorted"""
    value = fetch(submission, "big_spenders", "the sorted ids of the big spenders")
    assert isinstance(value, (list, tuple)), f"big_spenders is {type_name(value)}; make it a list (list(...))"
    orders = load(data_dir)
    spent = orders.groupby("customer_id")["amount"].sum()
    want = sorted(spent[spent >= 250].index)
    got = [v for v in value]
    assert all(isinstance(v, str) for v in got), "big_spenders must hold customer ids only (no missing values)"
    by_order = sorted(orders.loc[orders["amount"] >= 250, "customer_id"].dropna().unique())
    assert sorted(got) != by_order or by_order == want, (
        "big_spenders looks at single orders; add up each customer's orders first"
    )
    assert sorted(got) == want, "big_spenders does not hold exactly the customers whose total is at least 250"
    assert got == want, "big_spenders must be sorted A to Z"
