import json

import numpy as np
import pandas as pd
import pytest

COLUMNS = ["sku", "name", "category", "price", "supplier_name", "supplier_country"]


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def expected_products(data_dir, name):
    records = json.loads((data_dir / name).read_text(encoding="utf-8"))
    return pd.json_normalize(records, sep="_")[COLUMNS]


def expected_reviews(data_dir):
    return pd.read_json(data_dir / "reviews.jsonl", lines=True)


def check_products(table, expected, what):
    """Shared checks of a products table against the expected one."""
    assert isinstance(table, pd.DataFrame), f"{what} is {type_name(table)}; it must be a DataFrame"
    columns = [str(c) for c in table.columns]
    assert "supplier" not in columns, (
        f"{what} has a 'supplier' column holding the nested objects; flatten them into columns with "
        "pd.json_normalize"
    )
    dotted = [c for c in columns if "." in c]
    assert not dotted, (
        f"{what} has column names with a dot (such as supplier.name); name them supplier_name and supplier_country "
        "(json_normalize's sep='_' does that, or rename them)"
    )
    assert "tags" not in columns, f"{what} still has the tags column; keep only the six columns"
    absent = [c for c in COLUMNS if c not in columns]
    assert not absent, f"{what} has no column {absent[0]!r}; it needs exactly {COLUMNS}"
    extra = [c for c in columns if c not in COLUMNS]
    assert not extra, f"{what} has extra columns; keep only {COLUMNS}"
    assert len(table) == len(expected), (
        f"{what} does not have one row per product of the file"
    )
    assert list(table["sku"]) == list(expected["sku"]), (
        f"{what} does not list the file's products in the file's order"
    )
    for column in COLUMNS:
        got = table[column].reset_index(drop=True)
        want = expected[column]
        assert int(got.isna().sum()) == int(want.isna().sum()), (
            f"{what}: the {column} column has another number of missing values than the file (a null or absent "
            "field is NaN; don't fill or drop it)"
        )
        known = want.notna()
        if column == "price":
            same = np.allclose(got[known].astype(float).to_numpy(), want[known].astype(float).to_numpy())
        else:
            same = list(got[known].astype(str)) == list(want[known].astype(str))
        assert same, f"{what}: some values of the {column} column differ from the file"


@pytest.mark.points(2)
def test_load_products_flattens(submission, data_dir):
    """load_products flattens the supplier into supplier_name and supplier_country"""
    table = submission.load_products("products.json")
    check_products(table, expected_products(data_dir, "products.json"), "load_products('products.json')")


def test_load_products_path(submission, data_dir):
    """load_products(path) reads the catalogue it is given"""
    table = submission.load_products("products_outlet.json")
    expected = expected_products(data_dir, "products_outlet.json")
    assert isinstance(table, pd.DataFrame), (
        f"load_products('products_outlet.json') returned {type_name(table)}; return a DataFrame"
    )
    assert "sku" in table.columns and sorted(table["sku"]) == sorted(expected["sku"]), (
        "load_products('products_outlet.json') did not return that file's products; read the file named "
        "by the `path` parameter"
    )
    check_products(table, expected, "load_products('products_outlet.json')")


def test_products_variable(submission, data_dir):
    """products holds the flattened catalogue of products.json"""
    table = fetch(submission, "products", "load_products() of products.json")
    check_products(table, expected_products(data_dir, "products.json"), "products")


def test_reviews(submission, data_dir):
    """reviews holds every line of reviews.jsonl"""
    reviews = fetch(submission, "reviews", "the reviews read from reviews.jsonl")
    expected = expected_reviews(data_dir)
    assert isinstance(reviews, pd.DataFrame), (
        f"reviews is {type_name(reviews)}; read reviews.jsonl with pd.read_json(..., lines=True)"
    )
    absent = [c for c in expected.columns if c not in reviews.columns]
    assert not absent, f"reviews has no column {absent[0]!r}; keep the fields of the file as columns"
    assert len(reviews) == len(expected), (
        "reviews does not have one row per line of the file; keep every review "
        "(also those without stars)"
    )
    assert sorted(reviews["review_id"]) == sorted(expected["review_id"]), "reviews holds other reviews than the file"
    assert int(reviews["stars"].isna().sum()) == int(expected["stars"].isna().sum()), (
        "reviews: the reviews without stars must keep a missing (NaN) value in stars, not 0"
    )


def ratings_by_sku(submission):
    ratings = fetch(submission, "ratings", "the number of reviews and the mean stars per sku")
    assert isinstance(ratings, pd.DataFrame), (
        f"ratings is {type_name(ratings)}; it must be a DataFrame with the columns reviews and mean_stars"
    )
    if "sku" in ratings.columns:
        ratings = ratings.set_index("sku")
    for column in ("reviews", "mean_stars"):
        assert column in ratings.columns, (
            f"ratings has no column {column!r}"
        )
    assert ratings.index.is_unique, "ratings lists a sku twice; one row per sku"
    return ratings


def expected_ratings(data_dir):
    reviews = expected_reviews(data_dir)
    return reviews.groupby("sku").agg(reviews=("review_id", "size"), mean_stars=("stars", "mean"))


def test_ratings_rows(submission, data_dir):
    """ratings has one row per reviewed product"""
    ratings = ratings_by_sku(submission)
    expected = expected_ratings(data_dir)
    assert sorted(map(str, ratings.index)) == sorted(expected.index), (
        "ratings must have one row per sku that has reviews, labelled by the sku (as the index or a sku column)"
    )


@pytest.mark.points(2)
def test_ratings_counts(submission, data_dir):
    """ratings counts every review, with or without stars"""
    ratings = ratings_by_sku(submission)
    expected = expected_ratings(data_dir)
    assert sorted(map(str, ratings.index)) == sorted(expected.index), "ratings has the wrong skus; see the row check"
    got = ratings["reviews"].reindex(expected.index)
    if [int(n) for n in got] == list(expected["reviews"]):
        return
    stars_only = expected_reviews(data_dir).groupby("sku")["stars"].count()
    assert [int(n) for n in got] != list(stars_only.reindex(expected.index)), (
        "ratings' reviews column skips the reviews without stars; count rows with size(), not count() of stars"
    )
    raise AssertionError("ratings' reviews column is not the number of reviews of each sku")


@pytest.mark.points(2)
def test_ratings_mean(submission, data_dir):
    """ratings averages the stars given, leaving out reviews without stars"""
    ratings = ratings_by_sku(submission)
    expected = expected_ratings(data_dir)
    assert sorted(map(str, ratings.index)) == sorted(expected.index), "ratings has the wrong skus; see the row check"
    got = ratings["mean_stars"].reindex(expected.index).astype(float)
    if np.allclose(got.to_numpy(), expected["mean_stars"].to_numpy(), atol=1e-6):
        return
    zeros = expected_reviews(data_dir).fillna({"stars": 0}).groupby("sku")["stars"].mean()
    assert not np.allclose(got.to_numpy(), zeros.reindex(expected.index).to_numpy(), atol=1e-6), (
        "ratings' mean_stars counts the reviews without stars as 0; leave them out of the average "
        "(mean() skips NaN)"
    )
    raise AssertionError("ratings' mean_stars is not the average of each sku's stars")


def test_no_country(submission, data_dir):
    """no_country lists the products whose supplier has no country, sorted"""
    value = fetch(submission, "no_country", "the sorted list of skus whose supplier has no country")
    expected = expected_products(data_dir, "products.json")
    want = sorted(expected.loc[expected["supplier_country"].isna(), "sku"])
    assert isinstance(value, (list, tuple)), f"no_country is {type_name(value)}; make it a list (list(...))"
    assert sorted(map(str, value)) == want, (
        "no_country does not list exactly the skus whose supplier has no country"
    )
    assert list(value) == want, "no_country must be sorted A to Z"
