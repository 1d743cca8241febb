def _counts(y_true, y_score, threshold):
    tn = fp = fn = tp = 0
    for y, s in zip(y_true, y_score):
        pred = 1 if s >= threshold else 0
        if y == 1 and pred == 1:
            tp += 1
        elif y == 1:
            fn += 1
        elif pred == 1:
            fp += 1
        else:
            tn += 1
    return tn, fp, fn, tp


def _ratio(a, b):
    return a / b if b else 0.0


def evaluate(y_true, y_score, threshold=0.5):
    y_true, y_score = list(y_true), list(y_score)
    tn, fp, fn, tp = _counts(y_true, y_score, threshold)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    pos = [s for y, s in zip(y_true, y_score) if y == 1]
    neg = [s for y, s in zip(y_true, y_score) if y == 0]
    auc = None
    if pos and neg:
        wins = sum(1 for p in pos for n in neg if p > n)      # ties count as losses
        auc = wins / (len(pos) * len(neg))
    return {"confusion_matrix": [[tn, fp], [fn, tp]], "accuracy": (tp + tn) / len(y_true),
            "precision": precision, "recall": recall, "f1": f1, "roc_auc": auc}


def threshold_for_recall(y_true, y_score, min_recall):
    positives = sum(1 for y in y_true if y == 1)
    if not positives:
        raise ValueError("no positives")
    for t in sorted(set(y_score), reverse=True):
        caught = sum(1 for y, s in zip(y_true, y_score) if y == 1 and s >= t)
        if caught / positives >= min_recall:
            return t
    raise ValueError("unreachable recall")


def pick_model(y_true, predictions):
    best, best_f1 = None, -1
    for name, pred in predictions.items():
        r = evaluate(y_true, pred, threshold=1)
        if r["f1"] > best_f1:
            best, best_f1 = name, r["f1"]
    return best
