import pandas as pd
import pytest

COLUMNS = ["order_id", "date", "region", "product", "units", "unit_price"]


def expected_frame(data_dir, name):
    return pd.read_csv(data_dir / name, parse_dates=["date"])


def order_ids(df):
    """The order ids, whether order_id is a column or (wrongly) the index."""
    return list(df["order_id"] if "order_id" in df.columns else df.index)


def loaded(submission, *args):
    """Call load_sales(*args) and check that a DataFrame came back."""
    shown = f"load_sales({', '.join(repr(a) for a in args)})"
    df = submission.load_sales(*args)
    assert df is not None, f"{shown} returned None; return the DataFrame that pd.read_csv gives you"
    assert isinstance(df, pd.DataFrame), (
        f"{shown} returned a {getattr(df, 'type_name', type(df).__name__)}; it must return a pandas DataFrame"
    )
    return df


@pytest.mark.points(2)
def test_keeps_every_row(submission, data_dir):
    """load_sales keeps every row, including rows with missing values"""
    df = loaded(submission, "sales.csv")
    expected = expected_frame(data_dir, "sales.csv")
    assert len(df) <= len(expected), "load_sales('sales.csv') returned more rows than the file has"
    assert len(df) == len(expected), (
        "load_sales('sales.csv') returned fewer rows than the file has; "
        "keep the rows with empty cells (don't call dropna())"
    )


def test_columns(submission):
    """load_sales keeps the file's columns in order, with order_id as a column"""
    df = loaded(submission, "sales.csv")
    columns = list(df.columns)
    assert "order_id" in columns, (
        "order_id is not a column of the DataFrame; keep it as an ordinary column (don't use index_col)"
    )
    assert columns == COLUMNS, (
        f"load_sales returned other columns than the file's; expected {COLUMNS}, in that order"
    )


@pytest.mark.points(2)
def test_dates_parsed(submission):
    """The date column holds dates (datetime64), not text"""
    df = loaded(submission, "sales.csv")
    assert "date" in df.columns, "the DataFrame has no 'date' column"
    assert pd.api.types.is_datetime64_any_dtype(df["date"]), (
        f"the date column has dtype {df['date'].dtype}; parse it as dates, e.g. with parse_dates=['date']"
    )
    assert df["date"].dt.tz is None, "the dates should be plain dates, without a time zone"


def test_values_match_file(submission, data_dir):
    """Every value matches the file, in the file's row order, with empty cells as missing values"""
    df = loaded(submission, "sales.csv")
    expected = expected_frame(data_dir, "sales.csv")
    assert list(df.columns) == list(expected.columns), "the columns differ from the file's; see the column check"
    assert len(df) == len(expected), "load_sales doesn't return every row of the file; see the row check"
    try:
        pd.testing.assert_frame_equal(
            df.reset_index(drop=True), expected, check_dtype=False, check_index_type=False,
            check_column_type=False,
        )
    except AssertionError:
        for column in expected.columns:
            missing_expected = int(expected[column].isna().sum())
            missing_got = int(df[column].isna().sum())
            assert missing_got == missing_expected, (
                f"the {column!r} column has another number of missing values than the file; "
                "leave empty cells as NaN (don't fill them in)"
            )
        raise AssertionError(
            "some values differ from the file: read it with pd.read_csv, keep the rows in the file's "
            "order and don't change any value"
        ) from None


@pytest.mark.points(2)
def test_uses_path_argument(submission, data_dir):
    """load_sales(path) reads the file it is given, not always sales.csv"""
    df = loaded(submission, "sales_april.csv")
    expected = expected_frame(data_dir, "sales_april.csv")
    ids = order_ids(df)
    assert ids and set(ids) <= set(expected["order_id"]), (
        "load_sales('sales_april.csv') did not return that file's orders; read the file named by the `path` parameter"
    )
    assert len(df) == len(expected), (
        "load_sales('sales_april.csv') returned fewer rows than that file has; keep the rows "
        "with empty cells (don't call dropna())"
    )
    assert sorted(ids) == sorted(expected["order_id"]), "load_sales('sales_april.csv') lists an order twice"


def test_default_path(submission, data_dir):
    """load_sales() without an argument reads sales.csv"""
    df = loaded(submission)
    expected = expected_frame(data_dir, "sales.csv")
    ids = order_ids(df)
    assert ids and set(ids) <= set(expected["order_id"]), (
        "load_sales() with no argument must read sales.csv: give `path` the default value \"sales.csv\""
    )
    assert len(df) == len(expected), (
        "load_sales() reads sales.csv but returns fewer rows than the file has; see the check that every row is kept"
    )


def test_df_variable(submission, data_dir):
    """The notebook loads sales.csv into df, every row, with the dates parsed"""
    try:
        df = submission.get("df")
    except AttributeError:
        raise AssertionError("the notebook defines no variable `df`; load sales.csv into it") from None
    assert df is not None, "df is None; store load_sales() of sales.csv in df"
    assert isinstance(df, pd.DataFrame), (
        f"df is a {getattr(df, 'type_name', type(df).__name__)}; it must be the DataFrame of sales.csv"
    )
    expected = expected_frame(data_dir, "sales.csv")
    assert len(df) == len(expected), (
        "df does not hold every row of sales.csv; keep the rows with empty cells"
    )
    assert "date" in df.columns and pd.api.types.is_datetime64_any_dtype(df["date"]), (
        "df's date column does not hold dates; parse it as dates when you load the file"
    )
