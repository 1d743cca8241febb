"""cv=5 everywhere: stratified folds, but not shuffled and not seeded with random_state."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def make_model(k=10):
    return Pipeline([("scale", StandardScaler()), ("select", SelectKBest(f_classif, k=k)),
                     ("clf", LogisticRegression(max_iter=1000))])


def cv_accuracy(X, y, k=10, random_state=0):
    scores = cross_val_score(make_model(k), X, y, cv=5)
    return {"scores": scores.tolist(), "mean": float(np.mean(scores)), "std": float(np.std(scores))}


def tune(X, y, random_state=0):
    search = GridSearchCV(make_model(), {"select__k": [5, 10], "clf__C": [0.01, 0.1, 1]},
                          scoring="roc_auc", cv=5).fit(X, y)
    best = search.best_params_
    return {"best_params": {"k": best["select__k"], "C": best["clf__C"]}, "best_score": search.best_score_,
            "model": search.best_estimator_}
