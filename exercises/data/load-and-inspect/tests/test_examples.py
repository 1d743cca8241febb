import pandas as pd


def test_load_sales(submission):
    """load_sales("sales.csv") returns every row, with the dates parsed"""
    df = submission.load_sales("sales.csv")
    assert isinstance(df, pd.DataFrame), "load_sales must return a DataFrame"
    rows = len(df)
    assert rows == 40, "sales.csv has 40 orders"
    date_dtype = str(df["date"].dtype)
    assert date_dtype.startswith("datetime64"), "the date column must hold dates"


def test_df(submission):
    """the notebook loads sales.csv into df"""
    df = submission.get("df")
    assert isinstance(df, pd.DataFrame), "df must be a DataFrame"
    assert len(df) == 40, "df must hold the 40 orders of sales.csv"


def test_summary_example(submission):
    """facts = summary(df): rows, regions and missing values"""
    facts = submission.get("facts")
    assert isinstance(facts, dict), "facts must be a dict"
    rows = facts.get("rows")
    assert rows == 40
    regions = facts.get("regions")
    assert regions == ["East", "North", "South", "West"]
    missing = facts.get("missing")
    assert missing == {"region": 1, "unit_price": 2}
