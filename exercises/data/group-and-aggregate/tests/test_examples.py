import pandas as pd


def test_store_summary_example(submission):
    """store_summary: the Mall has 27 orders"""
    summary = submission.get("store_summary")
    assert isinstance(summary, pd.DataFrame), "store_summary must be a DataFrame"
    if "store" in summary.columns:
        summary = summary.set_index("store")
    assert int(summary.loc["Mall", "orders"]) == 27


def test_share_column(submission):
    """orders has a share_of_store column"""
    orders = submission.get("orders")
    assert isinstance(orders, pd.DataFrame), "orders must stay the DataFrame of orders.csv"
    assert "share_of_store" in orders.columns, "add the share_of_store column to orders"
    first = round(float(orders["share_of_store"].iloc[0]), 4)
    assert first == 0.0476, "the first order is 68.48 of the Mall's 1440.09"


def test_top_category_example(submission):
    """top_category: Games sells best in the Mall"""
    top = submission.get("top_category")
    top = dict(top) if isinstance(top, pd.Series) else top
    assert isinstance(top, dict) and "Mall" in top, "top_category must map each store to a category"
    assert top["Mall"] == "Games"
