import pandas as pd


def load(data_dir):
    return pd.read_csv(data_dir / "sales.csv", parse_dates=["date"])


def test_filter_example(submission, data_dir):
    """filter_orders(df, "North", min_units=10) finds the four big northern orders"""
    result = submission.filter_orders(load(data_dir), "North", min_units=10)
    assert isinstance(result, pd.DataFrame), "filter_orders must return a DataFrame"
    order_ids = list(result["order_id"])
    assert order_ids == [2016, 2020, 2021, 2046]


def test_revenue_example(submission):
    """revenue = revenue_by_region(df) ranks the regions by revenue"""
    result = submission.get("revenue")
    assert isinstance(result, pd.Series), "revenue must be a Series"
    regions = list(result.index)
    assert regions == ["North", "West", "South", "East"]
    north = round(float(result["North"]), 2)
    assert north == 5810.20


def test_monthly_example(submission):
    """monthly = monthly_report(df) has one row per month with the number of orders"""
    result = submission.get("monthly")
    assert isinstance(result, pd.DataFrame), "monthly must be a DataFrame"
    months = list(result.index)
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04"]
    orders = [int(n) for n in result["orders"]]
    assert orders == [15, 12, 10, 11]
