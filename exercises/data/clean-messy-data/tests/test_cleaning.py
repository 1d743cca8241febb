import math

import numpy as np
import pandas as pd
import pytest

COLUMNS = ["order_id", "customer", "region", "quantity", "price"]
REGIONS = ["East", "North", "South", "West"]


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def raw_orders(data_dir):
    return pd.read_csv(data_dir / "orders_raw.csv")


def reference_price(text):
    if pd.isna(text):
        return np.nan
    try:
        return float(str(text).strip().replace("$", "").replace(",", ""))
    except ValueError:
        return np.nan


def expected_clean(data_dir):
    raw = raw_orders(data_dir)
    clean = raw.drop_duplicates(subset="order_id").copy()
    clean["customer"] = clean["customer"].str.strip().str.lower()
    region = clean["region"].str.strip().str.title()
    clean["region"] = region.where(region.isin(REGIONS))
    clean["quantity"] = pd.to_numeric(clean["quantity"], errors="coerce").fillna(1).astype(int)
    clean["price"] = clean["price"].map(reference_price)
    return clean.reset_index(drop=True)


def is_nan(value):
    return isinstance(value, float) and math.isnan(value) or isinstance(value, np.floating) and np.isnan(value)


# ------------------------------------------------------------------------------------ parse_price


PRICES = [
    ("$1,249.00", 1249.0, "a price with $ and a thousands separator"),
    ("  19.99 ", 19.99, "a price with spaces around it"),
    ("12.5", 12.5, "a plain price"),
    ("$4.00", 4.0, "a price with $"),
    ("2,000", 2000.0, "a price with a thousands separator"),
    ("$ 7.25", 7.25, "a price with $ and a space after it"),
    ("1,899.00", 1899.0, "a price with a thousands separator"),
    ("-3.00", -3.0, "a negative price (a refund)"),
]
NOT_PRICES = [
    ("N/A", "the placeholder N/A"), ("?", "the placeholder ?"), ("", "an empty text"), ("-", "a lone -"),
    ("free", "a word"), (None, "None"), (float("nan"), "NaN"), ("  ", "spaces only"),
    ("12.50 EUR", "a number followed by a currency name"), ("4 00", "digits with a space inside"),
    ("v2", "a word with a digit in it"),
]


@pytest.mark.points(2)
def test_parse_price_numbers(submission):
    """parse_price reads prices with $, spaces and thousands separators"""
    for text, expected, what in PRICES:
        value = submission.parse_price(text)
        assert isinstance(value, (int, float, np.number)) and not isinstance(value, bool), (
            f"parse_price of {what} returned {type_name(value)}; it must return a number (float)"
        )
        if is_nan(value):
            hint = ("a minus sign stays: the price is negative" if text.startswith("-")
                    else "remove the '$' and the ',' before converting" if ("$" in text or "," in text)
                    else "strip the spaces before converting")
            raise AssertionError(f"parse_price of {what} returned NaN; {hint}")
        if text.startswith("-"):
            assert abs(float(value) - expected) < 1e-9, (
                f"parse_price of {what} returned the wrong number; remove only the spaces around the text, the "
                "'$' and the ',': a minus sign stays, so the price is negative"
            )
        assert abs(float(value) - expected) < 1e-9, (
            f"parse_price of {what} returned the wrong number; remove the spaces around it, the '$' and the ',' "
            "and convert the rest with float()"
        )


@pytest.mark.points(2)
def test_parse_price_not_numbers(submission):
    """parse_price gives NaN for empty cells and placeholders, without raising"""
    for text, what in NOT_PRICES:
        value = submission.parse_price(text)
        assert is_nan(value), (
            f"parse_price of {what} did not return NaN; anything that is not a number once the spaces around it, "
            "the '$' and the ',' are removed gives NaN (np.nan): don't pick the digits out of other text"
        )


# ------------------------------------------------------------------------------------ clean


def clean_frame(submission):
    clean = fetch(submission, "clean", "the cleaned orders")
    assert isinstance(clean, pd.DataFrame), f"clean is {type_name(clean)}; it must be a DataFrame"
    columns = sorted(map(str, clean.columns))
    assert columns == sorted(COLUMNS), f"clean has other columns than {COLUMNS}; keep exactly those"
    return clean.reset_index(drop=True)


@pytest.mark.points(2)
def test_clean_rows(submission, data_dir):
    """clean keeps one row per order, every order, in the file's order"""
    clean = clean_frame(submission)
    expected = expected_clean(data_dir)
    ids = [int(v) for v in clean["order_id"]]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, (
        "clean still lists an order more than once; the export repeats one (once with another "
        "value), so keep the first row of each order_id: drop_duplicates(subset='order_id')"
    )
    lost = sorted(set(expected["order_id"]) - set(ids))
    assert not lost, (
        "clean has lost orders; every order stays, even with a missing region, quantity or price "
        "(don't dropna())"
    )
    assert sorted(ids) == sorted(expected["order_id"]), "clean holds order ids that are not in the file"
    assert ids == list(expected["order_id"]), "clean lists the orders in another order than the file"


def aligned(submission, data_dir):
    """The learner's rows and the expected ones for the orders both hold (first row of each order)."""
    clean = clean_frame(submission)
    expected = expected_clean(data_dir)
    clean = clean.assign(order_id=clean["order_id"].astype(int)).drop_duplicates(subset="order_id")
    common = [i for i in expected["order_id"] if i in set(clean["order_id"])]
    assert common, "clean holds none of the file's orders; see the row check"
    return clean.set_index("order_id").loc[common], expected.set_index("order_id").loc[common]


def test_clean_customer(submission, data_dir):
    """clean's customers are trimmed and in lower case"""
    clean, expected = aligned(submission, data_dir)
    got = clean["customer"].astype(str)
    assert (got == got.str.strip()).all(), "some customers still have spaces around them; use .str.strip()"
    assert (got == got.str.lower()).all(), "some customers still have capitals; use .str.lower()"
    assert list(got) == list(expected["customer"]), "some customers differ from the file's addresses"


@pytest.mark.points(2)
def test_clean_region(submission, data_dir):
    """clean's regions are trimmed and capitalised, placeholders missing"""
    clean, expected = aligned(submission, data_dir)
    region = clean["region"]
    known = [r for r in region if isinstance(r, str)]
    odd = sorted({r for r in known if r not in REGIONS})
    spaced = [r for r in odd if r != r.strip()]
    assert not spaced, "clean's region still has values with spaces around them; use .str.strip()"
    cased = [r for r in odd if r.strip().title() in REGIONS]
    assert not cased, "clean's region still has values in other letter cases; capitalise them like 'North'"
    assert not odd, (
        "clean's region has a value that is not a region; placeholders such as empty, n/a and - must become NaN"
    )
    assert not (region.isna() & expected["region"].notna()).any(), (
        "some of clean's regions are missing although the file names a region; only placeholders become NaN"
    )
    assert list(region.fillna("?")) == list(expected["region"].fillna("?")), (
        "some of clean's regions are not the region written in the file"
    )


@pytest.mark.points(2)
def test_clean_quantity(submission, data_dir):
    """clean's quantities are whole numbers, 1 where missing or unreadable"""
    clean, expected = aligned(submission, data_dir)
    quantity = clean["quantity"]
    assert not quantity.isna().any(), (
        "clean's quantity still has missing values; a missing or unreadable quantity means 1 (fillna(1))"
    )
    assert pd.api.types.is_integer_dtype(quantity), (
        f"clean's quantity has dtype {quantity.dtype}; make it whole numbers (astype(int))"
    )
    got = [int(q) for q in quantity]
    want = list(expected["quantity"])
    if got == want:
        return
    raw = raw_orders(data_dir).drop_duplicates("order_id").set_index("order_id").loc[clean.index]
    unreadable = pd.to_numeric(raw["quantity"], errors="coerce").isna()
    zeros = [g for g, u in zip(got, unreadable, strict=False) if u and g == 0]
    assert not zeros, "clean's quantity is 0 for missing or unreadable quantities; the shop's rule is 1"
    raise AssertionError(
        "some of clean's quantities are wrong; keep the first row of each order and convert the text to numbers"
    )


@pytest.mark.points(2)
def test_clean_price(submission, data_dir):
    """clean's prices are numbers read with parse_price, NaN when unreadable"""
    clean, expected = aligned(submission, data_dir)
    price = clean["price"]
    assert pd.api.types.is_float_dtype(price), (
        f"clean's price has dtype {price.dtype}; it must hold floats (map parse_price over the column)"
    )
    want = expected["price"]
    zeros = int(((price == 0) & want.isna()).sum())
    assert not zeros, "clean's price is 0 where the price is unknown; leave it NaN (don't fillna(0))"
    extra_nan = int((price.isna() & want.notna()).sum())
    assert not extra_nan, (
        "some prices of clean are NaN although the file has a readable price (such as '$1,249.00'); "
        "remove the $, the thousands separators and the spaces before converting"
    )
    assert not (price.notna() & want.isna()).any(), (
        "clean has prices where the file's price can't be read; leave them NaN"
    )
    known = want.notna()
    assert np.allclose(price[known].astype(float).to_numpy(), want[known].to_numpy()), (
        "some of clean's prices differ from the file's; a thousands separator is not a decimal point"
    )


# ------------------------------------------------------------------------------------ facts


def number(value, name, what):
    assert isinstance(value, (int, float, np.number)) and not isinstance(value, bool), (
        f"{name} is {type_name(value)}; it must be a number ({what})"
    )
    return float(value)


def test_missing_prices(submission, data_dir):
    """missing_prices counts the orders without a price"""
    value = number(fetch(submission, "missing_prices", "the number of orders without a price"), "missing_prices",
                   "the number of orders without a price")
    expected = int(expected_clean(data_dir)["price"].isna().sum())
    assert value == expected, (
        "missing_prices is not the number of orders of clean whose price is NaN (one row per order; "
        "unknown prices stay NaN in clean)"
    )


@pytest.mark.points(2)
def test_mean_price(submission, data_dir):
    """mean_price averages the known prices only"""
    value = number(fetch(submission, "mean_price", "the average known price"), "mean_price",
                   "the average known price")
    prices = expected_clean(data_dir)["price"]
    assert not math.isnan(value), "mean_price is NaN; average the prices that are known (mean() skips NaN)"
    assert not math.isclose(value, prices.fillna(0).mean(), rel_tol=1e-9), (
        "mean_price counts the unknown prices as 0; leave them out of the average"
    )
    assert math.isclose(value, prices.mean(), rel_tol=1e-6), (
        "mean_price is not the average of clean's known prices (one row per order)"
    )


def test_regions(submission, data_dir):
    """regions lists the cleaned regions once each, sorted"""
    value = fetch(submission, "regions", "the sorted list of regions")
    assert isinstance(value, (list, tuple)), f"regions is {type_name(value)}; make it a list (list(...))"
    names = [v for v in value if isinstance(v, str)]
    assert len(names) == len(value), "regions holds something other than names; leave the missing ones out (dropna)"
    assert sorted(set(names)) == REGIONS, (
        f"after cleaning there are exactly four regions, {REGIONS}, but regions holds other names"
    )
    assert list(value) == REGIONS, "regions must list each region once, sorted A to Z"


def test_customers(submission, data_dir):
    """customers counts distinct customers after cleaning the addresses"""
    value = number(fetch(submission, "customers", "the number of distinct customers"), "customers",
                   "the number of distinct customers")
    expected = expected_clean(data_dir)["customer"].nunique()
    assert value != raw_orders(data_dir)["customer"].nunique() or value == expected, (
        "customers counts the raw spellings of the addresses; count them after trimming and lower-casing"
    )
    assert value == expected, "customers is not the number of distinct customers of clean"
