"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

The expected scores are recomputed here with the set-up the statement specifies, so any correct
solution matches them; the noise data set shows leakage as an accuracy far above chance.
"""

import numpy as np
import pytest
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def noise(n=60, p=1000, seed=4):
    """Pure noise: no feature says anything about the balanced random labels."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    y = np.r_[np.zeros(n // 2, dtype=int), np.ones(n - n // 2, dtype=int)]
    rng.shuffle(y)
    return X, y


def signal(n=150, p=20, informative=5, seed=0):
    """A few informative columns among noise, on very different scales, 40 % positives."""
    rng = np.random.default_rng(seed)
    scales = rng.uniform(0.5, 50, p)
    X = rng.normal(size=(n, p)) * scales
    w = np.zeros(p)
    w[:informative] = rng.choice([-1, 1], informative) * rng.uniform(0.6, 1.2, informative)
    y = ((X / scales) @ w + rng.normal(scale=1.0, size=n) > 0.5).astype(int)
    return X, y


def model(k=10, C=1.0):
    return Pipeline([("scale", StandardScaler()), ("select", SelectKBest(f_classif, k=k)),
                     ("clf", LogisticRegression(C=C, max_iter=1000))])


def folds(seed):
    return StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)


def cv(submission, X, y, **kwargs):
    result = submission.cv_accuracy(X, y, **kwargs)
    assert isinstance(result, dict) and set(result) == {"scores", "mean", "std"}, (
        "cv_accuracy() must return a dict with the keys scores, mean and std"
    )
    scores = np.asarray(result["scores"], dtype=float)
    assert scores.shape == (5,), "scores must hold one accuracy per fold: 5 numbers"
    return result, scores


@pytest.mark.points(3)
def test_no_leak_on_noise(submission):
    """cv_accuracy() stays near chance on pure noise"""
    X, y = noise()
    result, _ = cv(submission, X, y, k=10)
    assert result["mean"] < 0.7, (
        "on pure noise the cross-validated accuracy must stay near 0.5; a high score means scaling or "
        "feature selection saw the validation folds: cross-validate the whole Pipeline"
    )


@pytest.mark.points(2)
def test_scores_match_folds(submission):
    """cv_accuracy() uses 5 shuffled, stratified folds seeded with random_state"""
    X, y = signal()
    for seed, k in ((0, 10), (3, 5)):
        result, scores = cv(submission, X, y, k=k, random_state=seed)
        expected = cross_val_score(model(k), X, y, cv=folds(seed))
        assert np.allclose(np.sort(scores), np.sort(expected), atol=1e-6), (
            "the fold scores differ from those of the statement's pipeline cross-validated with "
            "StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)"
        )


def test_mean_and_std(submission):
    """cv_accuracy() reports the mean and standard deviation of its fold scores"""
    X, y = signal(seed=1)
    result, scores = cv(submission, X, y, k=8, random_state=2)
    assert result["mean"] == pytest.approx(scores.mean()), "mean must be the mean of the fold scores"
    assert result["std"] == pytest.approx(scores.std()), "std must be the standard deviation of the fold scores (np.std)"
    assert result["mean"] > 0.75, "on data with a clear signal the cross-validated accuracy should be high"


def run_tune(submission, X, y, seed):
    result = submission.tune(X, y, random_state=seed)
    assert isinstance(result, dict) and set(result) == {"best_params", "best_score", "model"}, (
        "tune() must return a dict with the keys best_params, best_score and model"
    )
    return result


@pytest.mark.points(3)
def test_tune_search(submission):
    """tune() searches the grid by cross-validated ROC AUC"""
    X, y = signal(seed=2)
    result = run_tune(submission, X, y, 5)
    search = GridSearchCV(model(), {"select__k": [5, 10], "clf__C": [0.01, 0.1, 1]},
                          scoring="roc_auc", cv=folds(5)).fit(X, y)
    params = result["best_params"]
    assert isinstance(params, dict) and set(params) == {"k", "C"}, "best_params must be a dict with the keys k and C"
    assert params["k"] in (5, 10) and params["C"] in (0.01, 0.1, 1), "best_params must come from the grid"
    assert result["best_score"] == pytest.approx(search.best_score_, abs=1e-6), (
        "best_score must be the best mean cross-validated ROC AUC over the grid (scoring='roc_auc', "
        "the same 5 shuffled stratified folds)"
    )
    assert (params["k"], params["C"]) == (search.best_params_["select__k"], search.best_params_["clf__C"]), (
        "best_params must be the grid point with the best mean ROC AUC"
    )


@pytest.mark.points(2)
def test_tune_refits_best(submission):
    """tune() returns the best pipeline refitted on all rows, and it ranks held-out rows well"""
    rows, labels = signal(n=300, seed=3)
    X, y, X_new, y_new = rows[:150], labels[:150], rows[150:], labels[150:]
    result = run_tune(submission, X, y, 0)
    best = result["model"]
    steps = best.steps.get()
    scalers = [step for _, step in steps if getattr(step, "type_name", "") == "StandardScaler"]
    assert len(scalers) == 1, "the model must be the whole Pipeline (scaler, selector, classifier)"
    assert int(np.max(scalers[0].n_samples_seen_.get())) == len(X), (
        "the returned model must be refitted on all the rows given to tune(), not on one fold"
    )
    auc = roc_auc_score(y_new, np.asarray(best.predict_proba(X_new))[:, 1])
    assert auc > 0.8, "the tuned model ranks new rows poorly; return search.best_estimator_"
