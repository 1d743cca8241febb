"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import math

import numpy as np
import pandas as pd
import pytest


def customers(n=500, positives=30, seed=3):
    """Rows sorted by label (positives last), indexed by customer id, not 0..n-1."""
    rng = np.random.default_rng(seed)
    label = np.r_[np.zeros(n - positives, dtype=int), np.ones(positives, dtype=int)]
    return pd.DataFrame({
        "age": rng.integers(18, 80, n),
        "spend": rng.gamma(2.0, 50.0, n).round(2),
        "region": rng.choice(["north", "south", "east", "west"], n),
        "fraud": label,
    }, index=pd.Index(1000 + 7 * np.arange(n), name="customer_id"))


def tiers(n=300, seed=5):
    rng = np.random.default_rng(seed)
    tier = np.repeat(["gold", "silver", "bronze"], [30, 90, 180])
    return pd.DataFrame({"visits": rng.poisson(4, n), "tier": tier})


def split(submission, df, target, **kwargs):
    parts = submission.split_data(df, target, **kwargs)
    assert isinstance(parts, tuple | list) and len(parts) == 4, (
        "split_data() must return the tuple (X_train, X_test, y_train, y_test)"
    )
    X_train, X_test, y_train, y_test = parts
    assert isinstance(X_train, pd.DataFrame) and isinstance(X_test, pd.DataFrame), "X_train and X_test must be DataFrames"
    assert isinstance(y_train, pd.Series) and isinstance(y_test, pd.Series), "y_train and y_test must be Series"
    return X_train, X_test, y_train, y_test


def close_to_share(part, whole, label_column_or_series, label):
    """Is the count of `label` in `part` within one row of its share of `whole`?"""
    expected = (whole == label).sum() * len(part) / len(whole)
    return abs(int((label_column_or_series == label).sum()) - expected) <= 1


def test_columns_and_rows(submission):
    """split_data() drops only the target from X and keeps every row exactly once"""
    df = customers()
    X_train, X_test, y_train, y_test = split(submission, df, "fraud")
    assert list(X_train.columns) == ["age", "spend", "region"] == list(X_test.columns), (
        "X_train and X_test must hold every column except the target, in the original order"
    )
    assert y_train.name == "fraud", "y_train must be the target column"
    both = X_train.index.tolist() + X_test.index.tolist()
    assert len(both) == len(df) and sorted(both) == sorted(df.index), (
        "together X_train and X_test must hold every row of df exactly once, under its original index label"
    )
    assert X_train.index.equals(y_train.index) and X_test.index.equals(y_test.index), (
        "each y must have the same index as its X, row for row"
    )
    assert (y_test == df.loc[y_test.index, "fraud"]).all(), "y_test must hold the labels of the rows in X_test"


def test_sizes(submission):
    """split_data() gives test_size of the rows to the test set"""
    df = customers()
    for test_size in (0.2, 0.25, 0.1):
        X_train, X_test, _, _ = split(submission, df, "fraud", test_size=test_size)
        expected = math.ceil(test_size * len(df))
        assert abs(len(X_test) - expected) <= 1 and len(X_train) + len(X_test) == len(df), (
            "the test set must hold test_size of all rows, the training set the rest"
        )


@pytest.mark.points(3)
def test_stratified(submission):
    """split_data() keeps the share of the rare class in both parts, whatever the seed"""
    df = customers()
    for seed in range(6):
        _, _, y_train, y_test = split(submission, df, "fraud", random_state=seed)
        for part in (y_train, y_test):
            assert close_to_share(part, df["fraud"], part, 1), (
                "the count of positives in each part must match their share of the whole data "
                "(within one row); stratify on the target"
            )


@pytest.mark.points(2)
def test_stratified_three_classes(submission):
    """split_data() stratifies a label with three classes"""
    df = tiers()
    for seed in (0, 1, 2):
        _, _, y_train, y_test = split(submission, df, "tier", test_size=0.3, random_state=seed)
        for label in ("gold", "silver", "bronze"):
            assert close_to_share(y_test, df["tier"], y_test, label), (
                "each class must keep its share in the test set; a string label with three classes "
                "is stratified the same way as 0/1"
            )


@pytest.mark.points(2)
def test_reproducible(submission):
    """split_data() gives the same rows for the same random_state, other rows for another"""
    df = customers()
    first = split(submission, df, "fraud", random_state=11)[1].index.tolist()
    again = split(submission, df, "fraud", random_state=11)[1].index.tolist()
    other = split(submission, df, "fraud", random_state=12)[1].index.tolist()
    assert first == again, "two calls with the same random_state must give the same test rows"
    assert sorted(first) != sorted(other), "the split must depend on random_state: pass it on, do not fix a seed"


@pytest.mark.points(2)
def test_three_way_sizes(submission):
    """three_way_split() measures val_size and test_size against all rows"""
    df = customers(n=400, positives=40)
    parts = submission.three_way_split(df, "fraud", val_size=0.15, test_size=0.25, random_state=4)
    assert isinstance(parts, tuple | list) and len(parts) == 3, "three_way_split() must return (train, val, test)"
    train, val, test = parts
    assert all(isinstance(p, pd.DataFrame) for p in parts), "each part must be a DataFrame"
    assert abs(len(test) - 100) <= 1, "the test set must hold test_size of all rows"
    assert abs(len(val) - 60) <= 1, (
        "the validation set must hold val_size of ALL rows; the second split only sees what the first "
        "left, so its fraction must be adjusted"
    )
    assert len(train) + len(val) + len(test) == len(df), "the three parts must hold every row"


@pytest.mark.points(2)
def test_three_way_parts(submission):
    """three_way_split() makes disjoint, stratified, reproducible parts"""
    df = customers()
    train, val, test = submission.three_way_split(df, "fraud", random_state=8)
    assert "fraud" in train.columns and list(test.columns) == list(df.columns), "each part keeps every column of df"
    ids = train.index.tolist() + val.index.tolist() + test.index.tolist()
    assert sorted(ids) == sorted(df.index), "every row must be in exactly one part, under its original index label"
    for part in (train, val, test):
        assert close_to_share(part, df["fraud"], part["fraud"], 1), "each of the three parts must be stratified"
    again = submission.three_way_split(df, "fraud", random_state=8)
    assert all(a.index.equals(b.index) for a, b in zip(again, (train, val, test))), (
        "the same random_state must give the same three parts"
    )
    other = submission.three_way_split(df, "fraud", random_state=9)
    assert not other[2].index.sort_values().equals(test.index.sort_values()), "the parts must depend on random_state"
