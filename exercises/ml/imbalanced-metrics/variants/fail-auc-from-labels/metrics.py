"""ROC AUC computed from the thresholded 0/1 predictions instead of the scores."""

import numpy as np
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score, recall_score,
                             roc_auc_score)


def evaluate(y_true, y_score, threshold=0.5):
    """Confusion matrix, accuracy, precision, recall and F1 at `threshold`, and ROC AUC of the scores."""
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    y_pred = (y_score >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    both_classes = len(np.unique(y_true)) == 2
    return {
        "confusion_matrix": [[int(tn), int(fp)], [int(fn), int(tp)]],
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "precision": float(precision_score(y_true, y_pred, zero_division=0)),
        "recall": float(recall_score(y_true, y_pred, zero_division=0)),
        "f1": float(f1_score(y_true, y_pred, zero_division=0)),
        "roc_auc": float(roc_auc_score(y_true, y_pred)) if both_classes else None,
    }


def threshold_for_recall(y_true, y_score, min_recall):
    """The highest threshold (one of the scores) whose recall is at least `min_recall`."""
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    positives = int((y_true == 1).sum())
    if positives == 0:
        raise ValueError("y_true has no positive rows, so recall is undefined")
    for threshold in np.unique(y_score)[::-1]:
        caught = int(((y_score >= threshold) & (y_true == 1)).sum())
        if caught / positives >= min_recall:
            return float(threshold)
    raise ValueError(f"no threshold reaches a recall of {min_recall}")


def pick_model(y_true, predictions):
    """The name of the model whose 0/1 predictions have the best F1 on the positive class."""
    best_name, best_f1 = None, -1.0
    for name, y_pred in predictions.items():
        score = f1_score(y_true, y_pred, zero_division=0)
        if score > best_f1:
            best_name, best_f1 = name, score
    return best_name
