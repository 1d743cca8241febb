import numpy as np
import pandas as pd


def load(data_dir):
    return pd.read_csv(data_dir / "sales.csv", parse_dates=["date"])


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, kind, what):
    try:
        value = submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None
    assert isinstance(value, kind), f"`{name}` is {type_name(value)}; store {what} in it"
    return value


def test_df(submission, data_dir):
    """df holds every order of sales.csv"""
    df = fetch(submission, "df", pd.DataFrame, "sales.csv as loaded by the first cell")
    assert len(df) == len(load(data_dir)), (
        "df does not hold every row of sales.csv; keep the first cell as it is"
    )


def test_big_north(submission, data_dir):
    """big_north holds the big northern orders"""
    df = load(data_dir)
    value = fetch(submission, "big_north", pd.DataFrame, 'filter_orders(df, "North", min_units=10)')
    expected = df[(df["region"] == "North") & (df["units"] >= 10)]
    assert "order_id" in value.columns, "big_north has no order_id column; keep every column"
    assert list(value["order_id"]) == list(expected["order_id"]), (
        'big_north is not filter_orders(df, "North", min_units=10); see the filter_orders checks'
    )


def test_revenue(submission, data_dir):
    """revenue holds the revenue per region of sales.csv"""
    df = load(data_dir)
    value = fetch(submission, "revenue", pd.Series, "revenue_by_region(df)")
    expected = (df["units"] * df["unit_price"]).groupby(df["region"]).sum().sort_values(ascending=False)
    ok = list(value.index) == list(expected.index) and np.allclose(
        value.astype(float).to_numpy(), expected.to_numpy(), atol=0.005)
    assert ok, "revenue is not revenue_by_region(df); see the revenue_by_region checks"


def test_monthly(submission, data_dir):
    """monthly holds the month-by-month report of sales.csv"""
    df = load(data_dir)
    value = fetch(submission, "monthly", pd.DataFrame, "monthly_report(df)")
    months = sorted(df["date"].dt.strftime("%Y-%m").unique())
    assert list(value.index) == months, (
        "monthly does not have one row per month of sales.csv, labelled 'YYYY-MM' and oldest first; "
        "see the monthly_report checks"
    )
    assert "orders" in value.columns and [int(n) for n in value["orders"]] == [
        int(n) for n in df.groupby(df["date"].dt.strftime("%Y-%m")).size()
    ], "monthly's order counts are wrong; see the monthly_report checks"
