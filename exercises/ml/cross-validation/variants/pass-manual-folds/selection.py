"""Cross-validation written as an explicit loop over the folds, and a search with make_pipeline names."""

import numpy as np
from sklearn.base import clone
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def cv_accuracy(X, y, k=10, random_state=0):
    X, y = np.asarray(X), np.asarray(y)
    template = make_pipeline(StandardScaler(), SelectKBest(f_classif, k=k), LogisticRegression(max_iter=1000))
    scores = []
    for train, valid in StratifiedKFold(5, shuffle=True, random_state=random_state).split(X, y):
        fitted = clone(template).fit(X[train], y[train])
        scores.append(float((fitted.predict(X[valid]) == y[valid]).mean()))
    return {"scores": scores, "mean": float(np.mean(scores)), "std": float(np.std(scores))}


def tune(X, y, random_state=0):
    pipe = make_pipeline(StandardScaler(), SelectKBest(f_classif), LogisticRegression(max_iter=1000))
    grid = {"selectkbest__k": [5, 10], "logisticregression__C": [0.01, 0.1, 1]}
    cv = StratifiedKFold(5, shuffle=True, random_state=random_state)
    search = GridSearchCV(pipe, grid, scoring="roc_auc", cv=cv, refit=True).fit(X, y)
    return {
        "best_params": {"k": search.best_params_["selectkbest__k"], "C": search.best_params_["logisticregression__C"]},
        "best_score": search.best_score_,
        "model": search.best_estimator_,
    }
