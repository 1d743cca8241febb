import math

import numpy as np
import pandas as pd
import pytest

CHANNELS = ["ads", "referral", "search", "social"]


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
    customers = pd.read_csv(data_dir / "customers.csv", parse_dates=["signup_date"])
    orders = pd.read_csv(data_dir / "orders.csv", parse_dates=["order_date"])
    spend = pd.read_csv(data_dir / "spend.csv")
    return customers, orders, spend


def figures(data_dir, keep=None):
    """The expected answers; `keep` picks other orders to see what a mistake would give."""
    customers, orders, spend = load(data_dir)
    status = orders["status"].str.strip().str.lower()
    completed = orders[status == "completed"] if keep is None else orders[keep(orders)]
    sales = completed.merge(customers, on="customer_id", how="left")
    revenue = sales.groupby("channel")["amount"].sum().reindex(CHANNELS, fill_value=0)
    spent = spend.groupby("channel")["spend"].sum().reindex(CHANNELS)
    roas = (revenue / spent).sort_values(ascending=False)
    signed_up = customers["channel"].value_counts().reindex(CHANNELS)
    per_customer = completed.groupby("customer_id").size().reindex(customers["customer_id"], fill_value=0)
    repeat = per_customer.ge(2).groupby(customers.set_index("customer_id")["channel"]).mean().reindex(CHANNELS)
    return {"completed": completed, "revenue": revenue, "spend": spent, "roas": roas, "cac": spent / signed_up,
            "repeat": repeat}


def all_orders(orders):
    return orders["status"].notna()


def exact_status(orders):
    return orders["status"] == "completed"


def per_channel(value, name, what):
    """A Series or dict keyed by channel, as a dict of floats in its own order."""
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if isinstance(value, pd.Series):
        value = dict(value.items())
    assert isinstance(value, dict), f"{name} is {type_name(value)}; make it a Series (or dict) channel -> {what}"
    keys = sorted(map(str, value))
    assert keys == CHANNELS, f"{name} does not have exactly the four channels {CHANNELS}"
    numbers = {}
    for key, number in value.items():
        assert isinstance(number, (int, float, np.number)) and not isinstance(number, bool), (
            f"{name}[{key!r}] is {type_name(number)}; it must be a number"
        )
        numbers[str(key)] = float(number)
    return numbers


def close(got, want):
    return all(math.isclose(got[c], float(want[c]), rel_tol=1e-6, abs_tol=1e-9) for c in CHANNELS)


# ------------------------------------------------------------------------------------ completed


@pytest.mark.points(2)
def test_completed(submission, data_dir):
    """completed keeps the completed orders, whatever the spelling of their status"""
    value = fetch(submission, "completed", "the completed orders")
    assert isinstance(value, pd.DataFrame), f"completed is {type_name(value)}; it must be a DataFrame of orders"
    assert "order_id" in value.columns, "completed has no order_id column; keep every column of orders"
    want = figures(data_dir)["completed"]
    _, orders, _ = load(data_dir)
    got = set(value["order_id"])
    bad = orders.loc[orders["order_id"].isin(got), "status"].str.strip().str.lower()
    assert (bad == "completed").all(), (
        "completed holds cancelled or refunded orders; those brought no money — keep only the completed ones"
    )
    missing = set(want["order_id"]) - got
    assert not missing, (
        "completed leaves out completed orders whose status is typed differently "
        "('Completed', 'COMPLETED', 'completed '); normalise the status (strip, lower) before comparing"
    )
    assert len(value) == len(want), "completed lists some orders twice"


# ------------------------------------------------------------------------------------ revenue and spend


@pytest.mark.points(2)
def test_revenue_by_channel(submission, data_dir):
    """revenue_by_channel adds up the completed orders of each channel's customers"""
    got = per_channel(fetch(submission, "revenue_by_channel", "the revenue per channel"), "revenue_by_channel",
                      "revenue")
    if close(got, figures(data_dir)["revenue"]):
        return
    assert not close(got, figures(data_dir, all_orders)["revenue"]), (
        "revenue_by_channel counts cancelled and refunded orders; only completed orders bring revenue"
    )
    assert not close(got, figures(data_dir, exact_status)["revenue"]), (
        "revenue_by_channel misses the completed orders typed 'Completed', 'COMPLETED' or 'completed '; "
        "normalise the status first"
    )
    raise AssertionError(
        "revenue_by_channel is not the total amount of the completed orders of each channel's customers"
    )


def test_spend_by_channel(submission, data_dir):
    """spend_by_channel adds up each channel's monthly spend"""
    got = per_channel(fetch(submission, "spend_by_channel", "the spend per channel"), "spend_by_channel", "spend")
    assert close(got, figures(data_dir)["spend"]), "spend_by_channel is not the total of each channel's monthly spend"


# ------------------------------------------------------------------------------------ the answer


@pytest.mark.points(3)
def test_roas(submission, data_dir):
    """roas is revenue / spend per channel, best first"""
    got = per_channel(fetch(submission, "roas", "the revenue / spend per channel"), "roas", "return on spend")
    want = figures(data_dir)["roas"]
    inverse = {c: 1 / v for c, v in want.items()}
    assert not all(math.isclose(got[c], inverse[c], rel_tol=1e-6) for c in CHANNELS), (
        "roas is spend / revenue; it is revenue / spend"
    )
    if not close(got, want):
        assert not close(got, figures(data_dir, all_orders)["roas"]), (
            "roas counts cancelled and refunded orders as revenue"
        )
        raise AssertionError("roas is not revenue_by_channel / spend_by_channel (see the revenue check)")
    assert list(got) == list(want.index), "roas must be sorted from the best channel to the worst"


@pytest.mark.points(3)
def test_best_channel(submission, data_dir):
    """best_channel is the channel with the best return on spend"""
    value = fetch(submission, "best_channel", "the name of the best channel")
    assert isinstance(value, str), f"best_channel is {type_name(value)}; it must be the channel's name, a string"
    want = figures(data_dir)["roas"].index[0]
    if value == want:
        return
    assert value != figures(data_dir, all_orders)["roas"].index[0], (
        "best_channel is the best channel only if cancelled and refunded orders count as revenue; they don't"
    )
    assert value != figures(data_dir)["roas"].index[-1], (
        "best_channel is the channel with the lowest revenue / spend; the best return is the highest"
    )
    assert value != figures(data_dir)["revenue"].idxmax(), (
        "best_channel is the channel with the most revenue; the question is about revenue per euro of spend"
    )
    raise AssertionError("best_channel is not the channel with the highest revenue / spend")


# ------------------------------------------------------------------------------------ customers


@pytest.mark.points(2)
def test_cac(submission, data_dir):
    """cac divides each channel's spend by all the customers it brought"""
    got = per_channel(fetch(submission, "cac", "the spend per customer per channel"), "cac", "cost per customer")
    if close(got, figures(data_dir)["cac"]):
        return
    customers, _, spend = load(data_dir)
    completed = figures(data_dir)["completed"]
    buyers = completed.merge(customers, on="customer_id").groupby("channel")["customer_id"].nunique()
    spent = spend.groupby("channel")["spend"].sum()
    assert not close(got, (spent / buyers).reindex(CHANNELS)), (
        "cac divides by the customers who ordered; divide by every customer who signed up through the channel"
    )
    raise AssertionError("cac is not the channel's spend / the number of customers who signed up through it")


@pytest.mark.points(2)
def test_repeat_rate(submission, data_dir):
    """repeat_rate is the share of each channel's customers with two or more completed orders"""
    got = per_channel(fetch(submission, "repeat_rate", "the share of returning customers"), "repeat_rate", "share")
    want = figures(data_dir)["repeat"]
    if close(got, want):
        return
    assert not close(got, want * 100), "repeat_rate is a percentage; give a share between 0 and 1"
    customers, _, _ = load(data_dir)
    per_customer = figures(data_dir)["completed"].groupby("customer_id").size()
    channel = customers.set_index("customer_id")["channel"].reindex(per_customer.index)
    buyers_only = per_customer.ge(2).groupby(channel).mean().reindex(CHANNELS)
    assert not close(got, buyers_only), (
        "repeat_rate only looks at customers who ordered; customers without a completed order count too "
        "(they didn't come back)"
    )
    assert not close(got, figures(data_dir, all_orders)["repeat"]), (
        "repeat_rate counts cancelled and refunded orders; count completed orders only"
    )
    assert not close(got, figures(data_dir, exact_status)["repeat"]), (
        "repeat_rate misses the completed orders typed 'Completed', 'COMPLETED' or 'completed '; normalise the "
        "status first"
    )
    raise AssertionError("repeat_rate is not the share of the channel's customers with at least two completed orders")
