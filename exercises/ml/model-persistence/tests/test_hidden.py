"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

Models are trained in the learner's sandbox (train_model is given), saved under /tmp there, and
loaded back. data/ holds two bundles load_model() must refuse (see tools/make_data.py).
"""

import re

import numpy as np
import pandas as pd
import pytest
import sklearn

FEATURES = ["tenure", "monthly_fee", "support_calls", "plan"]


def customers(n, seed, fee_effect=0.04):
    rng = np.random.default_rng(seed)
    tenure = rng.integers(1, 72, n)
    fee = rng.uniform(10, 120, n).round(2)
    calls = rng.poisson(1.5, n)
    plan = rng.choice(["basic", "pro", "family"], n)
    logit = -0.05 * (tenure - 30) + fee_effect * (fee - 60) + 0.6 * (calls - 1.5) + np.where(plan == "family", -0.8, 0)
    churned = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame({"tenure": tenure, "monthly_fee": fee, "support_calls": calls, "plan": plan,
                         "churned": churned})


def trained(submission, seed=1, **kwargs):
    return submission.train_model(customers(300, seed, **kwargs), "churned")


def fresh_rows(seed=99, n=200):
    return customers(n, seed)[FEATURES]


@pytest.mark.points(3)
def test_round_trip(submission):
    """a model saved into new folders loads back and predicts exactly the same"""
    model = trained(submission)
    path = "/tmp/models/churn/v1/model.joblib"
    submission.save_model(model, path, FEATURES)
    loaded = submission.load_model(path)
    assert getattr(loaded, "type_name", None) == "Pipeline", "load_model() must return the saved model"
    rows = fresh_rows()
    assert np.array_equal(np.asarray(loaded.predict(rows)), np.asarray(model.predict(rows))), (
        "the loaded model must give exactly the same predictions as the one that was saved"
    )
    assert np.array_equal(np.asarray(loaded.predict_proba(rows)), np.asarray(model.predict_proba(rows))), (
        "the loaded model must give exactly the same probabilities as the one that was saved"
    )


@pytest.mark.points(2)
def test_sidecar(submission):
    """save_model() returns the sidecar: version, features and the file's SHA-256"""
    sidecar = submission.save_model(trained(submission), "/tmp/sidecar/model.joblib", FEATURES)
    assert isinstance(sidecar, dict) and set(sidecar) == {"sklearn_version", "features", "sha256"}, (
        "save_model() must return the sidecar dict with the keys sklearn_version, features and sha256"
    )
    assert sidecar["sklearn_version"] == sklearn.__version__, "sklearn_version must be sklearn.__version__"
    assert list(sidecar["features"]) == FEATURES, "features must be the feature columns, in the order given"
    assert isinstance(sidecar["sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", sidecar["sha256"]), (
        "sha256 must be the hex digest of the saved model file (64 lowercase hex characters)"
    )


def test_two_models(submission):
    """two models saved at two paths load back as themselves"""
    first, second = trained(submission, seed=1), trained(submission, seed=2, fee_effect=-0.04)
    submission.save_model(first, "/tmp/two/a.joblib", FEATURES)
    submission.save_model(second, "/tmp/two/b.joblib", FEATURES)
    rows = fresh_rows()
    for path, model in (("/tmp/two/a.joblib", first), ("/tmp/two/b.joblib", second)):
        loaded = submission.load_model(path)
        assert np.array_equal(np.asarray(loaded.predict_proba(rows)), np.asarray(model.predict_proba(rows))), (
            "each path must load the model that was saved there"
        )


def test_overwrite(submission):
    """saving again at the same path replaces the model and its sidecar"""
    first, second = trained(submission, seed=3), trained(submission, seed=4, fee_effect=-0.04)
    path = "/tmp/overwrite/model.joblib"
    submission.save_model(first, path, FEATURES)
    submission.save_model(second, path, FEATURES)
    rows = fresh_rows()
    loaded = submission.load_model(path)
    assert np.array_equal(np.asarray(loaded.predict_proba(rows)), np.asarray(second.predict_proba(rows))), (
        "after a second save, the path must load the second model (write the sidecar again too)"
    )


@pytest.mark.points(2)
def test_refuses_tampered(submission):
    """load_model() refuses a file whose SHA-256 does not match its sidecar"""
    with pytest.raises(ValueError):
        submission.load_model("tampered.joblib")


@pytest.mark.points(2)
def test_refuses_other_version(submission):
    """load_model() refuses a model saved by another scikit-learn version"""
    with pytest.raises(ValueError):
        submission.load_model("old-version.joblib")


def test_missing_file(submission):
    """load_model() raises FileNotFoundError for a path with no model"""
    with pytest.raises(FileNotFoundError):
        submission.load_model("/tmp/nowhere/model.joblib")


@pytest.mark.points(2)
def test_predict_file(submission):
    """predict_file() uses the saved feature columns, whatever the frame's column order"""
    model = trained(submission, seed=5)
    path = "/tmp/serving/model.joblib"
    submission.save_model(model, path, FEATURES)
    rows = fresh_rows(seed=7)
    shuffled = rows[["plan", "support_calls", "monthly_fee", "tenure"]].assign(customer_id=np.arange(len(rows)))
    got = np.asarray(submission.predict_file(path, shuffled))
    assert np.array_equal(got, np.asarray(model.predict(rows))), (
        "predict_file() must select the saved feature columns (in their saved order) and ignore other columns"
    )


@pytest.mark.points(2)
def test_predict_file_missing_column(submission):
    """predict_file() names the missing feature columns in a ValueError"""
    path = "/tmp/serving2/model.joblib"
    submission.save_model(trained(submission, seed=6), path, FEATURES)
    with pytest.raises(ValueError) as raised:
        submission.predict_file(path, fresh_rows().drop(columns=["support_calls"]))
    assert "support_calls" in str(raised.value), "the ValueError's message must name the missing column"
