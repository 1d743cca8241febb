"""Metrics for a binary classifier on imbalanced data: counts, rates, ranking and the operating point."""

import numpy as np
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score, recall_score,
                             roc_auc_score)


def evaluate(y_true, y_score, threshold=0.5):
    """Confusion matrix, accuracy, precision, recall and F1 at `threshold`, and ROC AUC of the scores."""
    y_true = np.asarray(y_true)
    y_pred = (np.asarray(y_score) >= threshold).astype(int)
    # TODO: the confusion matrix, precision, recall, F1 and ROC AUC
    return {
        "confusion_matrix": [[0, 0], [0, 0]],
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "roc_auc": None,
    }


def threshold_for_recall(y_true, y_score, min_recall):
    """The highest threshold (one of the scores) whose recall is at least `min_recall`."""
    # TODO
    raise NotImplementedError


def pick_model(y_true, predictions):
    """The name of the model whose 0/1 predictions have the best F1 on the positive class."""
    # TODO: accuracy is the wrong yardstick here
    return next(iter(predictions))
