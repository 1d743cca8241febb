"""Example tests: the learner sees these and can run them with "Run examples"."""

import numpy as np
import pandas as pd

ORDERS = pd.DataFrame({
    "signup_date": ["2023-03-01", "2024-01-15", "2022-12-31"],
    "order_date": ["2023-03-04", "2024-01-15", "2023-01-02"],
    "amount": [120.0, 35.5, 60.0],
    "items": [3, 1, 0],
    "age": [25.0, 61.0, np.nan],
    "note": ["Refund please", None, "gift"],
})


def test_add_features_example(submission):
    """add_features() on the three example orders"""
    out = submission.add_features(ORDERS)
    assert out["account_age_days"].tolist() == [3, 0, 2]
    assert out["order_weekday"].tolist() == [5, 0, 0]
    assert out["is_weekend"].tolist() == [1, 0, 0]
    assert out["price_per_item"].tolist()[:2] == [40.0, 35.5] and np.isnan(out["price_per_item"].iloc[2])
    assert out["note_words"].tolist() == [2, 0, 1]
    assert out["mentions_refund"].tolist() == [1, 0, 0]
    assert out["age_band"].tolist() == ["25-39", "60+", "unknown"]


def test_binner_example(submission):
    """QuantileBinner(n_bins=4) fitted on 0..100 bins new values with the learned edges"""
    binner = submission.QuantileBinner(n_bins=4)
    binner.fit(pd.DataFrame({"spend": np.linspace(0, 100, 101)}))
    assert binner.edges_.get() == [[25.0, 50.0, 75.0]]
    codes = binner.transform(pd.DataFrame({"spend": [10.0, 25.0, 60.0, 500.0]}))
    assert np.asarray(codes).ravel().tolist() == [0, 1, 2, 3]
