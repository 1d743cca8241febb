import numpy as np
import pandas as pd
import pytest

COLUMNS = ["order_id", "date", "region", "product", "units", "unit_price"]


def load(data_dir):
    return pd.read_csv(data_dir / "sales.csv", parse_dates=["date"])


def other_frame():
    """Eight orders in other regions, not in date order, spanning a new year, one month without orders."""
    return pd.DataFrame({
        "order_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "date": pd.to_datetime(["2024-02-10", "2023-11-05", "2024-01-20", "2023-11-28",
                                "2024-02-01", "2024-01-02", "2023-11-15", "2024-02-29"]),
        "region": ["Harbor", "Hills", "Harbor", None, "Hills", "Plains", "Plains", "Harbor"],
        "product": ["Desk", "Lamp", "Chair", "Mouse", "Lamp", "Desk", "Chair", "Mouse"],
        "units": [3, 12, 5, 2, 12, 7, 1, 12],
        "unit_price": [10.0, 2.5, np.nan, 4.0, 2.5, np.nan, np.nan, 1.25],
    })


def type_name(value):
    """How a returned value is named in feedback: "None" or "a <type>"."""
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def frames(data_dir):
    return ((load(data_dir), "sales.csv"), (other_frame(), "another DataFrame"))


# ---------------------------------------------------------------------------------- filter_orders


def filtered(submission, df, what, region, *args):
    call = f"filter_orders() on {what}"
    result = submission.filter_orders(df, region, *args)
    assert isinstance(result, pd.DataFrame), f"{call} returned {type_name(result)}; it must return a DataFrame"
    assert "order_id" in result.columns, f"{call} returned a DataFrame without the order_id column; keep every column"
    return result, call


def expected_rows(df, region, min_units=1):
    return df[(df["region"] == region) & (df["units"] >= min_units)]


def check_selection(call, result, df, region, min_units):
    """Fail with a message naming the mistake when `result` holds other orders than expected."""
    got = list(result["order_id"])
    expected = expected_rows(df, region, min_units)
    want = list(expected["order_id"])
    if got == want:
        return
    wrong_region = [r for r in result["region"] if r != region] if "region" in result else []
    assert not wrong_region, f"{call} returned orders from other regions; keep only the region asked for"
    too_small = int((result["units"] < min_units).sum()) if "units" in result else 0
    assert not too_small, f"{call} returned orders with fewer than min_units units"
    left_out = expected[~expected["order_id"].isin(got)]
    if len(left_out):
        assert not (left_out["units"] == min_units).all(), (
            f"{call} left out orders whose units equal min_units; 'at least' means >="
        )
        assert not left_out.isna().any(axis=1).all(), (
            f"{call} left out orders that have a missing value; only region and units matter here, "
            "so don't drop rows with gaps"
        )
    assert sorted(got) == sorted(want), f"{call} returned the wrong orders"
    raise AssertionError(f"{call} returned the right orders in the wrong order; keep the original row order")


@pytest.mark.points(2)
def test_filter_selects_rows(submission, data_dir):
    """filter_orders keeps exactly the orders of the region with at least min_units units"""
    checks = [
        (load(data_dir), "sales.csv", [("South", 6), ("West", 2), ("East", 4), ("North", 8)]),
        (other_frame(), "another DataFrame", [("Hills", 12), ("Harbor", 5)]),
    ]
    for df, what, cases in checks:
        for region, min_units in cases:
            result, call = filtered(submission, df, what, region, min_units)
            check_selection(call, result, df, region, min_units)


def test_filter_default_min_units(submission, data_dir):
    """filter_orders(df, region) without min_units keeps all of the region's orders"""
    for df, what in frames(data_dir):
        region = "West" if what == "sales.csv" else "Plains"
        result, call = filtered(submission, df, what, region)
        check_selection(call, result, df, region, 1)


def test_filter_keeps_columns_and_values(submission, data_dir):
    """filter_orders returns every column with its values unchanged"""
    df = load(data_dir)
    for region, min_units in (("North", 3), ("West", 1)):
        result, call = filtered(submission, df, "sales.csv", region, min_units)
        assert sorted(result.columns) == sorted(COLUMNS), (
            f"{call} returned other columns than the table's; keep all of {COLUMNS}, and add none"
        )
        check_selection(call, result, df, region, min_units)
        expected = expected_rows(df, region, min_units).reset_index(drop=True)
        try:
            pd.testing.assert_frame_equal(result[COLUMNS].reset_index(drop=True), expected, check_dtype=False,
                                          check_index_type=False, check_column_type=False)
        except AssertionError:
            raise AssertionError(
                f"{call} returned the right orders, but some values changed; select rows without "
                "modifying them (no fillna, no type conversion)"
            ) from None


def test_filter_no_match(submission, data_dir):
    """filter_orders with no matching order returns an empty DataFrame with all the columns"""
    df = load(data_dir)
    for region, min_units in (("Atlantis", 1), ("South", 1000)):
        result, call = filtered(submission, df, "sales.csv", region, min_units)
        assert len(result) == 0, f"{call} returned rows although no order matches; it must be empty"
        assert sorted(result.columns) == sorted(COLUMNS), (
            f"{call} returned other columns than the table's; an empty result still has all the columns"
        )


# ---------------------------------------------------------------------------------- revenue_by_region


def expected_revenue(df):
    revenue = df["units"] * df["unit_price"]
    return revenue.groupby(df["region"]).sum().sort_values(ascending=False)


def revenue_of(submission, df, what):
    call = f"revenue_by_region(<{what}>)"
    result = submission.revenue_by_region(df)
    if isinstance(result, pd.DataFrame):
        raise AssertionError(f"{call} returned a DataFrame; return a Series (one value per region)")
    assert isinstance(result, pd.Series), f"{call} returned {type_name(result)}; it must return a pandas Series"
    return result, call


def test_revenue_regions(submission, data_dir):
    """revenue_by_region has one entry per region, and none for orders without a region"""
    for df, what in frames(data_dir):
        result, call = revenue_of(submission, df, what)
        labels = list(result.index)
        assert not any(pd.isna(label) for label in labels if not isinstance(label, str)), (
            f"{call} has an entry for missing regions; orders without a region are left out"
        )
        assert len(labels) == len(set(labels)), f"{call} lists a region twice; group by region"
        expected = expected_revenue(df)
        assert set(labels) == set(expected.index), (
            f"{call} has the wrong regions; it needs one entry per region that has orders "
            "(a region whose orders have no price still appears, with 0)"
        )


@pytest.mark.points(3)
def test_revenue_values(submission, data_dir):
    """revenue_by_region adds up units x unit_price, counting a missing price as 0"""
    for df, what in frames(data_dir):
        result, call = revenue_of(submission, df, what)
        expected = expected_revenue(df)
        assert set(result.index) == set(expected.index), f"{call} has the wrong regions; see the region check"
        got = result.reindex(expected.index).astype(float)
        if np.allclose(got.to_numpy(), expected.to_numpy(), rtol=1e-6, atol=0.005):
            continue
        assert not got.isna().any(), (
            f"{call} has a missing (NaN) revenue; a missing price counts as 0, and sum() skips NaN"
        )
        counts = df.groupby("region").size().reindex(expected.index)
        assert not np.allclose(got.to_numpy(), counts.to_numpy()), (
            f"{call} counted the orders; add up the revenue (units x unit_price) instead"
        )
        units = df.groupby("region")["units"].sum().reindex(expected.index)
        assert not np.allclose(got.to_numpy(), units.to_numpy()), (
            f"{call} added up the units; the revenue of an order is units x unit_price"
        )
        raise AssertionError(
            f"{call} has wrong totals; compute each order's revenue (units x unit_price) first, then add "
            "them up per region"
        )


@pytest.mark.points(2)
def test_revenue_sorted(submission, data_dir):
    """revenue_by_region is sorted from the largest revenue to the smallest"""
    for df, what in frames(data_dir):
        result, call = revenue_of(submission, df, what)
        expected = expected_revenue(df)
        assert set(result.index) == set(expected.index), f"{call} has the wrong regions; see the region check"
        assert list(result.index) == list(expected.index), (
            f"{call} is not sorted from the largest revenue to the smallest; "
            "use sort_values(ascending=False)"
        )


# ---------------------------------------------------------------------------------- monthly_report


def expected_monthly(df):
    table = df.assign(month=df["date"].dt.strftime("%Y-%m"), revenue=df["units"] * df["unit_price"])
    return table.groupby("month").agg(orders=("order_id", "size"), units=("units", "sum"),
                                      revenue=("revenue", "sum"))


def monthly_of(submission, df, what):
    call = f"monthly_report(<{what}>)"
    result = submission.monthly_report(df)
    assert isinstance(result, pd.DataFrame), f"{call} returned {type_name(result)}; it must return a DataFrame"
    absent = [c for c in ("orders", "units", "revenue") if c not in result.columns]
    assert not absent, (
        f"{call} has no column {absent[0]!r}; it needs the columns orders, units and revenue"
    )
    return result, call


@pytest.mark.points(2)
def test_monthly_index(submission, data_dir):
    """monthly_report has one row per month with orders, labelled "YYYY-MM", oldest first"""
    for df, what in frames(data_dir):
        result, call = monthly_of(submission, df, what)
        labels = list(result.index)
        odd = [label for label in labels if not isinstance(label, str)]
        assert not odd, (
            f"{call} labels its rows with values that are not text; the index must hold the months "
            "as text such as '2024-01' (try .dt.strftime('%Y-%m'))"
        )
        expected = list(expected_monthly(df).index)
        assert all(len(label) == 7 and label[4] == "-" for label in labels), (
            f"{call} labels the months in another form; use the form 'YYYY-MM', such as '2024-01'"
        )
        assert not (set(labels) < set(expected)), (
            f"{call} leaves out months that have orders; every order counts, also one without a region or a "
            "price, so don't drop rows with gaps"
        )
        assert sorted(labels) == expected, (
            f"{call} has the wrong months; it needs exactly one row per month that has orders"
        )
        assert labels == expected, f"{call} lists the months out of order; the oldest month comes first"


@pytest.mark.points(2)
def test_monthly_orders(submission, data_dir):
    """monthly_report counts every order, including those without a region or a price"""
    for df, what in frames(data_dir):
        result, call = monthly_of(submission, df, what)
        expected = expected_monthly(df)
        assert sorted(map(str, result.index)) == list(expected.index), f"{call} has the wrong months; see the month check"
        got = result["orders"].reindex(expected.index)
        assert list(got) == list(expected["orders"]), (
            f"{call} has wrong order counts; count every row of the month (size()), not only the rows "
            "where some column has a value, and don't drop rows with missing values"
        )


@pytest.mark.points(2)
def test_monthly_totals(submission, data_dir):
    """monthly_report adds up the units and the revenue of each month"""
    for df, what in frames(data_dir):
        result, call = monthly_of(submission, df, what)
        expected = expected_monthly(df)
        assert sorted(map(str, result.index)) == list(expected.index), f"{call} has the wrong months; see the month check"
        units = result["units"].reindex(expected.index)
        assert list(units) == list(expected["units"]), (
            f"{call} has wrong unit totals; add up the units of every order in the month, "
            "including orders without a region or a price"
        )
        revenue = result["revenue"].reindex(expected.index).astype(float)
        assert not revenue.isna().any(), f"{call} has a missing (NaN) revenue; a missing price counts as 0"
        assert np.allclose(revenue.to_numpy(), expected["revenue"].to_numpy(), rtol=1e-6, atol=0.005), (
            f"{call} has wrong revenue totals; add up units x unit_price of every order in the month "
            "(a missing price counts as 0)"
        )
