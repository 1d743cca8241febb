"""Example tests: the learner sees these and can run them with "Run examples"."""

import numpy as np
import pandas as pd

TRAIN = pd.DataFrame({
    "tenure": [2, 40, 5, 60, 12, 3, 48, 24],
    "monthly_fee": [95.0, 30.0, 80.0, 25.0, 70.0, 110.0, 45.0, 60.0],
    "plan": ["basic", "family", "pro", "family", "basic", "pro", "basic", "family"],
    "churned": [1, 0, 1, 0, 1, 1, 0, 0],
})
NEW = pd.DataFrame({"tenure": [1, 50], "monthly_fee": [100.0, 20.0], "plan": ["pro", "family"]})


def test_round_trip_example(submission):
    """save_model() then load_model() gives the same predictions"""
    model = submission.train_model(TRAIN, "churned")
    sidecar = submission.save_model(model, "/tmp/example/models/churn.joblib", ["tenure", "monthly_fee", "plan"])
    assert sidecar["features"] == ["tenure", "monthly_fee", "plan"]
    loaded = submission.load_model("/tmp/example/models/churn.joblib")
    assert np.array_equal(np.asarray(loaded.predict(NEW)), np.asarray(model.predict(NEW)))


def test_predict_file_example(submission):
    """predict_file() predicts from the saved file"""
    model = submission.train_model(TRAIN, "churned")
    submission.save_model(model, "/tmp/example/churn.joblib", ["tenure", "monthly_fee", "plan"])
    assert np.asarray(submission.predict_file("/tmp/example/churn.joblib", NEW)).tolist() == [1, 0]
