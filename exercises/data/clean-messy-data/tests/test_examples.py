import math

import pandas as pd


def test_parse_price_examples(submission):
    """parse_price reads "$1,249.00" and " 19.99 " and gives NaN for "N/A\""""
    assert submission.parse_price("$1,249.00") == 1249.0
    assert submission.parse_price(" 19.99 ") == 19.99
    assert math.isnan(submission.parse_price("N/A"))


def test_clean_shape(submission):
    """clean has one row per order and the five columns"""
    clean = submission.get("clean")
    assert isinstance(clean, pd.DataFrame), "clean must be a DataFrame"
    assert sorted(clean.columns) == ["customer", "order_id", "price", "quantity", "region"]
    assert len(clean) == 34, "orders_raw.csv holds 34 different orders"


def test_regions_example(submission):
    """regions lists the four regions"""
    assert submission.get("regions") == ["East", "North", "South", "West"]
