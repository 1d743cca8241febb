import datetime as dt

import numpy as np
import pandas as pd
import pytest

KEYS = {"rows", "columns", "first_date", "last_date", "regions", "total_units", "missing"}


def reference(data_dir):
    return pd.read_csv(data_dir / "sales.csv", parse_dates=["date"])


def small_frame():
    """Five orders that are not in date order, with new region names and no missing value."""
    return pd.DataFrame({
        "order_id": [7, 8, 9, 10, 11],
        "date": pd.to_datetime(["2023-11-20", "2023-11-03", "2023-12-30", "2023-11-18", "2023-12-02"]),
        "region": ["Coast", "Alps", "Coast", "Valley", "Alps"],
        "product": ["Desk", "Lamp", "Lamp", "Chair", "Desk"],
        "units": [3, 11, 2, 7, 1],
        "unit_price": [249.0, 34.99, 34.99, 89.5, 249.0],
    })


def holey_frame():
    """Six orders with gaps in region, product and unit_price."""
    return pd.DataFrame({
        "order_id": [21, 22, 23, 24, 25, 26],
        "date": pd.to_datetime(["2025-06-03", "2025-06-01", "2025-06-09", "2025-05-28", "2025-06-12", "2025-06-02"]),
        "region": ["West", None, "East", None, "West", "Central"],
        "product": ["Mouse", "Desk", None, "Lamp", "Chair", "Mouse"],
        "units": [4, 1, 6, 2, 5, 9],
        "unit_price": [19.99, np.nan, 45.0, np.nan, np.nan, 19.99],
    })


def summarize(submission, df, what, *keys):
    """Call summary(df), check that it returned a dict holding `keys`, and return it."""
    result = submission.summary(df)
    assert result is not None, f"summary() of {what} returned None; return a dict"
    assert isinstance(result, dict), (
        f"summary() of {what} returned a {getattr(result, 'type_name', type(result).__name__)}; return a dict"
    )
    for key in keys:
        assert key in result, f"summary() of {what} has no key {key!r}; it needs the keys {sorted(KEYS)}"
    return result


def as_timestamp(value, key, what):
    if isinstance(value, str):
        raise AssertionError(
            f"summary() of {what}: {key} is text; return a date, e.g. df['date'].min()"
        )
    assert isinstance(value, (dt.date, np.datetime64)), (
        f"summary() of {what}: {key} should be a pandas Timestamp, "
        f"got {getattr(value, 'type_name', type(value).__name__)}"
    )
    return pd.Timestamp(value)


def as_list(value, key, what):
    assert isinstance(value, (list, tuple)), (
        f"summary() of {what}: {key} should be a list, got "
        f"{getattr(value, 'type_name', type(value).__name__)}; wrap it in list(...)"
    )
    return list(value)


def test_rows(submission, data_dir):
    """summary() counts the rows, missing values included"""
    for df, what in ((reference(data_dir), "sales.csv"), (small_frame(), "another DataFrame")):
        result = summarize(submission, df, what, "rows")
        rows = result["rows"]
        if isinstance(rows, np.generic):
            rows = rows.item()
        assert not isinstance(rows, str) and rows == len(df), (
            f"summary() of {what}: rows is wrong; it must be the number of rows, len(df)"
        )


def test_columns(submission, data_dir):
    """summary() lists the column names in order"""
    df = reference(data_dir)
    result = summarize(submission, df, "sales.csv", "columns")
    columns = as_list(result["columns"], "columns", "sales.csv")
    assert columns == list(df.columns), (
        "summary() of sales.csv: columns is wrong; it must list the DataFrame's column names in order"
    )
    reordered = df[["date", "order_id", "units", "region", "product", "unit_price"]]
    result = summarize(submission, reordered, "a DataFrame with its columns in another order", "columns")
    assert as_list(result["columns"], "columns", "another DataFrame") == list(reordered.columns), (
        "summary(): columns must follow the order of the DataFrame it is given, not a fixed list"
    )


@pytest.mark.points(2)
def test_date_range(submission, data_dir):
    """summary() finds the earliest and latest dates, even when rows are not in date order"""
    for df, what in ((reference(data_dir), "sales.csv"), (small_frame(), "another DataFrame"),
                     (holey_frame(), "a third DataFrame")):
        result = summarize(submission, df, what, "first_date", "last_date")
        first = as_timestamp(result["first_date"], "first_date", what)
        last = as_timestamp(result["last_date"], "last_date", what)
        assert first == df["date"].min(), (
            f"summary() of {what}: first_date is not the earliest date; the rows are not "
            "sorted by date, so use df['date'].min() rather than the first row"
        )
        assert last == df["date"].max(), (
            f"summary() of {what}: last_date is not the latest date; use df['date'].max() "
            "rather than the last row"
        )


@pytest.mark.points(2)
def test_regions(submission, data_dir):
    """summary() lists each region once, sorted A to Z, without missing ones"""
    for df, what in ((reference(data_dir), "sales.csv"), (small_frame(), "another DataFrame"),
                     (holey_frame(), "a DataFrame with missing regions")):
        expected = sorted(df["region"].dropna().unique())
        result = summarize(submission, df, what, "regions")
        regions = as_list(result["regions"], "regions", what)
        assert all(isinstance(r, str) for r in regions), (
            f"summary() of {what}: regions holds something other than names; leave the missing ones out "
            "with dropna()"
        )
        assert len(regions) == len(set(regions)), f"summary() of {what}: regions lists a region twice"
        extra = set(regions) - set(expected)
        assert not extra, (
            f"summary() of {what}: regions lists names that are not in the DataFrame's region column; "
            "compute them from the DataFrame you are given and leave missing regions out (don't fill them in)"
        )
        assert sorted(regions) == expected, (
            f"summary() of {what}: regions leaves out some regions of the DataFrame you are given"
        )
        assert regions == expected, f"summary() of {what}: regions must be sorted A to Z"


def test_total_units(submission, data_dir):
    """summary() adds up the units (it doesn't count the rows)"""
    for df, what in ((reference(data_dir), "sales.csv"), (small_frame(), "another DataFrame"),
                     (holey_frame(), "a third DataFrame")):
        result = summarize(submission, df, what, "total_units")
        total = result["total_units"]
        if isinstance(total, np.generic):
            total = total.item()
        assert not isinstance(total, str) and total == df["units"].sum(), (
            f"summary() of {what}: total_units is wrong; it must be the sum of the units column"
        )


@pytest.mark.points(2)
def test_missing(submission, data_dir):
    """summary() counts missing values per column, listing only columns that have some"""
    for df, what in ((reference(data_dir), "sales.csv"), (holey_frame(), "a DataFrame with gaps"),
                     (small_frame(), "a DataFrame without gaps")):
        counts = df.isna().sum()
        expected = {column: int(n) for column, n in counts.items() if n > 0}
        result = summarize(submission, df, what, "missing")
        missing = result["missing"]
        assert isinstance(missing, dict), (
            f"summary() of {what}: missing should be a dict, got "
            f"{getattr(missing, 'type_name', type(missing).__name__)}; a Series has .to_dict()"
        )
        zero = sorted(k for k, v in missing.items() if v == 0)
        assert not zero, (
            f"summary() of {what}: missing lists a column with 0; leave out columns with no gaps"
        )
        assert set(missing) == set(expected), (
            f"summary() of {what}: missing names the wrong columns; "
            "it must name exactly the columns that have missing values"
        )
        wrong = sorted(k for k in expected if missing[k] != expected[k])
        assert not wrong, f"summary() of {what}: the count of missing values in {wrong[0]!r} is wrong"


def test_facts_variable(submission, data_dir):
    """The notebook stores the summary of sales.csv in facts"""
    try:
        facts = submission.get("facts")
    except AttributeError:
        raise AssertionError("the notebook defines no variable `facts`; store summary(df) in it") from None
    assert isinstance(facts, dict), (
        f"facts is {'None' if facts is None else 'a ' + getattr(facts, 'type_name', type(facts).__name__)}; "
        "store the dict that summary(df) returns in it"
    )
    df = reference(data_dir)
    for key in sorted(KEYS):
        assert key in facts, f"facts has no key {key!r}; it needs the keys {sorted(KEYS)}"
    expected = {
        "rows": len(df), "columns": list(df.columns), "first_date": df["date"].min(), "last_date": df["date"].max(),
        "regions": sorted(df["region"].dropna().unique()), "total_units": int(df["units"].sum()),
        "missing": {c: int(n) for c, n in df.isna().sum().items() if n > 0},
    }
    for key, want in expected.items():
        got = facts[key]
        if key in ("first_date", "last_date"):
            ok = not isinstance(got, str) and isinstance(got, (dt.date, np.datetime64)) and pd.Timestamp(got) == want
        elif isinstance(want, list):
            ok = isinstance(got, (list, tuple)) and list(got) == want
        elif isinstance(want, dict):
            ok = isinstance(got, dict) and got == want
        else:
            ok = not isinstance(got, str) and got == want
        assert ok, (
            f"facts[{key!r}] is not right for sales.csv; store summary(df) of the whole file in facts "
            "(and see the summary() checks)"
        )
