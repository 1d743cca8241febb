"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

Orders are generated here with a fixed seed; the label depends on features that only exist after
engineering (refund in the note, weekend orders, price per item, account age).
"""

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

NEW_COLUMNS = ["account_age_days", "order_weekday", "is_weekend", "price_per_item", "note_words",
               "mentions_refund", "age_band"]
NOTES = ["", "gift for my mum", "please REFUND the broken one", "Refund requested", "great product",
         "late delivery, refund?", "size too small", "thanks"]


def orders(n, seed):
    rng = np.random.default_rng(seed)
    signup = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    ordered = signup + pd.to_timedelta(rng.integers(0, 400, n), unit="D")
    items = rng.choice([0, 1, 2, 3, 4, 5], n, p=[0.03, 0.37, 0.25, 0.15, 0.1, 0.1])
    unit = rng.gamma(3.0, 20.0, n)
    amount = (unit * np.maximum(items, 1)).round(2)
    age = rng.integers(18, 80, n).astype(float)
    age[rng.random(n) < 0.05] = np.nan
    note = rng.choice(NOTES, n, p=[0.3, 0.1, 0.08, 0.07, 0.15, 0.05, 0.15, 0.1]).astype(object)
    note[rng.random(n) < 0.1] = None
    refund = np.array([isinstance(t, str) and "refund" in t.lower() for t in note])
    weekend = ordered.weekday >= 5
    logit = -1.2 + 2.5 * refund + 1.5 * weekend + 0.02 * (unit - 60) - 0.003 * (ordered - signup).days
    returned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame({"signup_date": signup.strftime("%Y-%m-%d"), "order_date": ordered.strftime("%Y-%m-%d"),
                         "amount": amount, "items": items, "age": age, "note": note, "returned": returned})


def engineered(submission, df):
    out = submission.add_features(df)
    assert isinstance(out, pd.DataFrame), "add_features() must return a DataFrame"
    assert len(out) == len(df), "add_features() must keep every row"
    missing = [c for c in NEW_COLUMNS if c not in out.columns]
    assert not missing, "add_features() must add the columns " + ", ".join(NEW_COLUMNS)
    assert all(c in out.columns for c in df.columns), "add_features() must keep the original columns"
    return out


def test_date_features(submission):
    """add_features() derives account age, weekday and weekend from the two dates"""
    df = orders(300, 11)
    out = engineered(submission, df)
    signup, ordered = pd.to_datetime(df["signup_date"]), pd.to_datetime(df["order_date"])
    assert np.array_equal(out["account_age_days"].to_numpy(dtype=float), (ordered - signup).dt.days.to_numpy(dtype=float)), (
        "account_age_days must be the whole days from signup_date to order_date"
    )
    assert np.array_equal(out["order_weekday"].to_numpy(dtype=int), ordered.dt.weekday.to_numpy()), (
        "order_weekday must run from 0 (Monday) to 6 (Sunday)"
    )
    assert np.array_equal(out["is_weekend"].to_numpy(dtype=int), (ordered.dt.weekday >= 5).astype(int).to_numpy()), (
        "is_weekend must be 1 for orders on Saturday or Sunday, else 0"
    )


@pytest.mark.points(2)
def test_price_per_item(submission):
    """add_features() divides amount by items, with NaN (not inf) for zero items"""
    df = orders(300, 12)
    out = engineered(submission, df)
    got = out["price_per_item"].to_numpy(dtype=float)
    zero = df["items"].to_numpy() == 0
    assert zero.any() and np.isnan(got[zero]).all(), "an order with 0 items must get price_per_item NaN, never inf"
    expected = df["amount"].to_numpy()[~zero] / df["items"].to_numpy()[~zero]
    assert np.allclose(got[~zero], expected), "price_per_item must be amount / items"


@pytest.mark.points(2)
def test_text_features(submission):
    """add_features() counts the words of the note and spots "refund" in any case"""
    df = pd.DataFrame({
        "signup_date": ["2024-01-01"] * 6, "order_date": ["2024-01-06"] * 6, "amount": [10.0] * 6,
        "items": [1] * 6, "age": [30.0] * 6,
        "note": ["Please REFUND me", "refunded twice!", None, "", "  three   words here ", "no money back"],
    })
    out = engineered(submission, df)
    assert out["note_words"].astype(int).tolist() == [3, 2, 0, 0, 3, 3], (
        "note_words counts the words split on any whitespace; a missing note has 0 words"
    )
    assert out["mentions_refund"].astype(int).tolist() == [1, 1, 0, 0, 0, 0], (
        "mentions_refund is 1 when the note contains 'refund' in any letter case, 0 otherwise (also for a missing note)"
    )


@pytest.mark.points(2)
def test_age_band(submission):
    """add_features() puts ages in bands that include their lower edge"""
    ages = [18.0, 24.9, 25.0, 39.0, 40.0, 59.5, 60.0, 91.0, np.nan]
    n = len(ages)
    df = pd.DataFrame({"signup_date": ["2024-01-01"] * n, "order_date": ["2024-02-01"] * n, "amount": [1.0] * n,
                       "items": [1] * n, "age": ages, "note": ["x"] * n})
    out = engineered(submission, df)
    assert [str(v) for v in out["age_band"].tolist()] == [
        "<25", "<25", "25-39", "25-39", "40-59", "40-59", "60+", "60+", "unknown"], (
        "age bands are <25, 25-39, 40-59 and 60+, each including its lower edge (25 is '25-39'); "
        "a missing age is 'unknown'"
    )


def test_input_unchanged(submission):
    """add_features() returns a new DataFrame and leaves the one it is given unchanged"""
    df = orders(30, 13).drop(columns=["returned"])
    # Arguments are copied into your program, so the frame is kept there (in a list, as a binner's parameter)
    # and add_features is called on that very frame, as the key of the list's sort().
    holder = submission.QuantileBinner(n_bins=4)
    try:
        holder.set_params(n_bins=[df])
        holder.n_bins.sort(key=submission.add_features.get())
    except AssertionError:
        raise
    except Exception:  # noqa: BLE001 - a QuantileBinner or add_features that fails: their own tests say so
        return
    kept = holder.get_params()["n_bins"][0]
    assert isinstance(kept, pd.DataFrame) and kept.columns.tolist() == df.columns.tolist() and kept.equals(df), (
        "add_features() changed the DataFrame it was given; work on a copy (out = df.copy()), add the columns "
        "to it and return it"
    )


def binner(submission, n_bins=4):
    made = submission.QuantileBinner(n_bins=n_bins)
    assert getattr(made, "type_name", None) == "QuantileBinner", "QuantileBinner(n_bins=...) must create a binner"
    return made


@pytest.mark.points(2)
def test_binner_edges(submission):
    """QuantileBinner learns quantile edges in fit and bins with them"""
    made = binner(submission)
    train = pd.DataFrame({"spend": np.linspace(0, 100, 101), "visits": np.arange(101) * 2.0})
    assert made.fit(train) is not None
    edges = [list(map(float, e)) for e in made.edges_.get()]
    assert np.allclose(edges, [[25, 50, 75], [50, 100, 150]]), (
        "edges_ must hold, for each column, the quantiles at 1/n_bins, 2/n_bins, ... of the training values"
    )
    codes = np.asarray(made.transform(pd.DataFrame({"spend": [-5.0, 24.9, 25.0, 50.0, 99.0, 150.0],
                                                     "visits": [0.0, 49.0, 50.0, 100.0, 150.0, 999.0]})))
    assert codes.shape == (6, 2), "transform() must return one code per row and column"
    assert codes[:, 0].tolist() == [0, 0, 1, 2, 3, 3] and codes[:, 1].tolist() == [0, 0, 1, 2, 3, 3], (
        "codes run from 0 to n_bins - 1; a value equal to an edge goes to the upper bin, values outside the "
        "training range go to the first or last bin"
    )


@pytest.mark.points(3)
def test_binner_reuses_training_edges(submission):
    """QuantileBinner.transform() bins new rows with the edges learned from the training rows"""
    rng = np.random.default_rng(3)
    made = binner(submission, n_bins=5)
    made.fit(pd.DataFrame({"amount": rng.uniform(0, 100, 400)}))
    later = np.asarray(made.transform(pd.DataFrame({"amount": rng.uniform(200, 300, 50)})))
    assert later.ravel().tolist() == [4] * 50, (
        "rows far above the training range must all land in the last bin: transform() must reuse the edges "
        "learned in fit(), never compute quantiles of the rows it is given"
    )


def test_binner_is_an_estimator(submission):
    """QuantileBinner is a scikit-learn estimator with n_bins as its parameter"""
    made = binner(submission, n_bins=3)
    assert made.get_params() == {"n_bins": 3}, (
        "subclass BaseEstimator and TransformerMixin, and only store n_bins in __init__"
    )
    with pytest.raises((ValueError, AttributeError)):
        made.transform(pd.DataFrame({"a": [1.0, 2.0]}))


@pytest.mark.points(3)
def test_model_on_held_out_orders(submission):
    """train_model() ranks held-out orders well using the engineered features"""
    train, test = orders(600, 1), orders(400, 2)
    model = submission.train_model(train, "returned")
    assert getattr(model, "type_name", None) is not None, "train_model() must return the fitted model"
    scores = np.asarray(model.predict_proba(test.drop(columns=["returned"])))[:, 1]
    auc = roc_auc_score(test["returned"], scores)
    assert auc >= 0.75, (
        "held-out ROC AUC is too low; the model must work on raw order rows and use the engineered features "
        "(put add_features in the pipeline)"
    )
