"""Example tests: the learner sees these and can run them with "Run examples"."""

import numpy as np


def example(n=80, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 12)) * [1, 100, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1]
    y = (X[:, 0] + X[:, 1] / 100 + rng.normal(scale=0.5, size=n) > 0).astype(int)
    return X, y


def test_cv_accuracy_example(submission):
    """cv_accuracy() returns 5 fold scores, their mean and their std"""
    X, y = example()
    result = submission.cv_accuracy(X, y, k=5, random_state=0)
    assert set(result) == {"scores", "mean", "std"}
    assert len(result["scores"]) == 5
    assert abs(result["mean"] - np.mean(result["scores"])) < 1e-9
    assert result["mean"] > 0.75


def test_tune_example(submission):
    """tune() returns the best k and C, the best ROC AUC and a fitted model"""
    X, y = example()
    result = submission.tune(X, y, random_state=0)
    assert set(result) == {"best_params", "best_score", "model"}
    assert result["best_params"]["k"] in (5, 10) and result["best_params"]["C"] in (0.01, 0.1, 1)
    assert 0.5 < result["best_score"] <= 1.0
    assert len(result["model"].predict(X[:4])) == 4
