"""Leaky: scaling and feature selection run once on all rows, and only the classifier is cross-validated."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def cv_accuracy(X, y, k=10, random_state=0):
    X_scaled = StandardScaler().fit_transform(X)
    X_selected = SelectKBest(f_classif, k=k).fit_transform(X_scaled, y)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)
    scores = cross_val_score(LogisticRegression(max_iter=1000), X_selected, y, cv=cv)
    return {"scores": scores.tolist(), "mean": float(np.mean(scores)), "std": float(np.std(scores))}


def tune(X, y, random_state=0):
    pipe = Pipeline([("scale", StandardScaler()), ("select", SelectKBest(f_classif)),
                     ("clf", LogisticRegression(max_iter=1000))])
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)
    search = GridSearchCV(pipe, {"select__k": [5, 10], "clf__C": [0.01, 0.1, 1]}, scoring="roc_auc", cv=cv).fit(X, y)
    best = search.best_params_
    return {"best_params": {"k": best["select__k"], "C": best["clf__C"]}, "best_score": search.best_score_,
            "model": search.best_estimator_}
