"""Example tests: the learner sees these and can run them with "Run examples"."""

import pytest

Y = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
SCORES = [0.1, 0.3, 0.2, 0.6, 0.05, 0.4, 0.15, 0.5, 0.9, 0.45]


def test_evaluate_example(submission):
    """evaluate() on the 10-row example at threshold 0.5"""
    result = submission.evaluate(Y, SCORES)
    assert result["confusion_matrix"] == [[6, 2], [1, 1]]
    assert result["accuracy"] == pytest.approx(0.7)
    assert result["precision"] == pytest.approx(1 / 3)
    assert result["recall"] == pytest.approx(0.5)
    assert result["f1"] == pytest.approx(0.4)
    assert result["roc_auc"] == pytest.approx(0.875)


def test_threshold_for_recall_example(submission):
    """threshold_for_recall() on the example"""
    assert submission.threshold_for_recall(Y, SCORES, 1.0) == 0.45
    assert submission.threshold_for_recall(Y, SCORES, 0.5) == 0.9


def test_pick_model_example(submission):
    """pick_model() prefers the model that finds positives"""
    predictions = {"always_no": [0] * 10, "model_a": [0, 0, 0, 1, 0, 0, 0, 1, 1, 1]}
    assert submission.pick_model(Y, predictions) == "model_a"
