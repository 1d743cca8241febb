"""The same metrics from counts with numpy, and ROC AUC as the Mann-Whitney rank statistic."""

import numpy as np
from scipy.stats import rankdata


def _counts(y_true, y_pred):
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    return tn, fp, fn, tp


def _ratio(top, bottom):
    return top / bottom if bottom else 0.0


def _f1(tn, fp, fn, tp):
    return _ratio(2 * tp, 2 * tp + fp + fn)


def _auc(y_true, y_score):
    positives = y_true == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    ranks = rankdata(y_score)  # ties share their average rank
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def evaluate(y_true, y_score, threshold=0.5):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    tn, fp, fn, tp = _counts(y_true, (y_score >= threshold).astype(int))
    return {
        "confusion_matrix": [[tn, fp], [fn, tp]],
        "accuracy": (tn + tp) / len(y_true),
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _f1(tn, fp, fn, tp),
        "roc_auc": _auc(y_true, y_score),
    }


def threshold_for_recall(y_true, y_score, min_recall):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    positive_scores = np.sort(y_score[y_true == 1])[::-1]
    if positive_scores.size == 0:
        raise ValueError("no positive rows")
    # Walk down the positives' scores: catching the first i of them gives recall i / n.
    for caught, score in enumerate(positive_scores, start=1):
        if caught / positive_scores.size >= min_recall:
            return float(score)
    raise ValueError("recall out of reach")


def pick_model(y_true, predictions):
    y_true = np.asarray(y_true)
    scores = {name: _f1(*_counts(y_true, np.asarray(p))) for name, p in predictions.items()}
    best = max(scores.values())
    return next(name for name, score in scores.items() if score == best)
