"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

Expected values are computed here with scikit-learn from data generated with a fixed seed.
"""

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score

KEYS = {"confusion_matrix", "accuracy", "precision", "recall", "f1", "roc_auc"}


def fraud(n=1000, rate=0.04, seed=0):
    """Imbalanced labels and scores rounded to 2 decimals (so ties and scores equal to 0.5 occur)."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < rate).astype(int)
    scores = np.where(y == 1, rng.beta(5, 3, n), rng.beta(2, 6, n)).round(2)
    return y, scores


def run(submission, y, scores, **kwargs):
    result = submission.evaluate(y, scores, **kwargs)
    assert isinstance(result, dict) and set(result) == KEYS, (
        "evaluate() must return a dict with the keys " + ", ".join(sorted(KEYS))
    )
    return result


def matrix(result):
    return np.asarray(result["confusion_matrix"]).tolist()


@pytest.mark.points(2)
def test_confusion_matrix(submission):
    """evaluate() lays the confusion matrix out as [[tn, fp], [fn, tp]]"""
    y, scores = fraud()
    for threshold in (0.5, 0.3):
        result = run(submission, y, scores, threshold=threshold)
        predicted = (scores >= threshold).astype(int)
        assert matrix(result) == confusion_matrix(y, predicted, labels=[0, 1]).tolist(), (
            "the confusion matrix must be [[true negatives, false positives], [false negatives, true positives]] "
            "with a row predicted positive when its score is >= threshold"
        )


def test_threshold_boundary(submission):
    """evaluate() predicts positive when the score equals the threshold"""
    y = np.array([0, 0, 1, 1, 0, 1])
    scores = np.array([0.2, 0.5, 0.5, 0.9, 0.1, 0.4])
    result = run(submission, y, scores)
    assert matrix(result) == [[2, 1], [1, 2]], "a score equal to the threshold counts as a positive prediction (>=)"


@pytest.mark.points(2)
def test_rates(submission):
    """evaluate() computes accuracy, precision, recall and F1 of the positive class"""
    y, scores = fraud(seed=1)
    result = run(submission, y, scores, threshold=0.4)
    predicted = (scores >= 0.4).astype(int)
    assert result["accuracy"] == pytest.approx((predicted == y).mean()), "accuracy is the share of correct predictions"
    assert result["precision"] == pytest.approx(precision_score(y, predicted)), (
        "precision is tp / (tp + fp): of the rows predicted positive, the share that are positive"
    )
    assert result["recall"] == pytest.approx(recall_score(y, predicted)), (
        "recall is tp / (tp + fn): of the positive rows, the share that were caught"
    )
    assert result["f1"] == pytest.approx(f1_score(y, predicted)), "F1 is the harmonic mean of precision and recall"


@pytest.mark.points(2)
def test_roc_auc_from_scores(submission):
    """evaluate() computes ROC AUC from the scores, not from the 0/1 predictions"""
    y, scores = fraud(seed=2)
    result = run(submission, y, scores, threshold=0.7)
    positive, negative = scores[y == 1], scores[y == 0]
    wins = float((positive[:, None] > negative[None, :]).mean())
    wins_or_ties = float((positive[:, None] >= negative[None, :]).mean())
    if result["roc_auc"] in (pytest.approx(wins), pytest.approx(wins_or_ties)):
        raise AssertionError("ROC AUC counted ties as a whole loss or a whole win; a tie between a positive and a "
                             "negative score counts one half (sklearn.metrics.roc_auc_score does this for you)")
    assert result["roc_auc"] == pytest.approx(roc_auc_score(y, scores)), (
        "ROC AUC measures how the scores rank positives above negatives: compute it from y_score, "
        "not from the thresholded predictions"
    )
    again = run(submission, y, scores, threshold=0.2)
    assert again["roc_auc"] == pytest.approx(result["roc_auc"]), "ROC AUC must not depend on the threshold"


def test_nothing_predicted_positive(submission):
    """evaluate() reports 0.0 precision and F1 when nothing is predicted positive"""
    y, scores = fraud(seed=3)
    result = run(submission, y, scores, threshold=1.5)
    assert result["precision"] == 0.0 and result["f1"] == 0.0 and result["recall"] == 0.0, (
        "with no positive prediction precision, recall and F1 must be 0.0 (not nan, not an error)"
    )
    assert result["accuracy"] == pytest.approx(1 - y.mean()), "predicting nothing is still right on every negative"


def test_single_class(submission):
    """evaluate() gives roc_auc None and a 2x2 matrix when y_true has one class"""
    y = np.zeros(6, dtype=int)
    scores = np.array([0.1, 0.8, 0.3, 0.2, 0.6, 0.05])
    result = run(submission, y, scores)
    assert matrix(result) == [[4, 2], [0, 0]], "the confusion matrix is always 2x2, even when a class is absent"
    assert result["roc_auc"] is None, "ROC AUC is undefined with a single class: return None"


@pytest.mark.points(2)
def test_threshold_for_recall(submission):
    """threshold_for_recall() returns the highest threshold that reaches the recall"""
    y, scores = fraud(n=2000, seed=4)
    for target in (0.5, 0.8, 0.95, 1.0):
        threshold = submission.threshold_for_recall(y, scores, target)
        assert threshold in set(scores.tolist()), "the threshold must be one of the scores"
        assert recall_score(y, scores >= threshold) >= target, "at the returned threshold the recall is too low"
        higher = scores[scores > threshold]
        if higher.size:
            assert recall_score(y, scores >= higher.min()) < target, (
                "a higher threshold also reaches the recall: return the highest one (fewest false alarms)"
            )


def test_threshold_for_recall_no_positives(submission):
    """threshold_for_recall() refuses labels without positives"""
    with pytest.raises(ValueError):
        submission.threshold_for_recall([0, 0, 0], [0.2, 0.4, 0.9], 0.5)


@pytest.mark.points(2)
def test_pick_model_by_f1(submission):
    """pick_model() prefers the useful model to the one with the best accuracy"""
    y = np.zeros(400, dtype=int)
    y[::20] = 1                                   # 20 positives in 400 rows
    positives = np.flatnonzero(y)
    cautious = np.zeros(400, dtype=int)
    cautious[positives[:6]] = 1                   # 6 right, 2 false alarms
    cautious[[1, 2]] = 1
    eager = np.zeros(400, dtype=int)
    eager[positives[:18]] = 1                     # 18 right, 42 false alarms
    eager[np.flatnonzero(y == 0)[:42]] = 1
    predictions = {"always_no": [0] * 400, "cautious": cautious.tolist(), "eager": eager.tolist()}
    assert submission.pick_model(y, predictions) == "eager", (
        "on imbalanced data pick by F1 of the positive class: the most accurate model here catches "
        "few positives"
    )


def test_pick_model_tie(submission):
    """pick_model() keeps the first of two models with the same F1"""
    y = [0, 1, 0, 1, 0, 0]
    predictions = {"b": [0, 1, 0, 0, 0, 0], "a": [0, 0, 0, 1, 0, 0], "c": [0, 0, 0, 0, 0, 0]}
    assert submission.pick_model(y, predictions) == "b", "on a tie, return the model that comes first"
