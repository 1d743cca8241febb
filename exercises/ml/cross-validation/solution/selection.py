"""Cross-validation and grid search with every learned step inside the folds."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

K_GRID = [5, 10]
C_GRID = [0.01, 0.1, 1]


def make_model(k=10, C=1.0):
    """Scaling, feature selection and the classifier: all refitted inside each training fold."""
    return Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(f_classif, k=k)),
        ("clf", LogisticRegression(C=C, max_iter=1000)),
    ])


def folds(random_state):
    return StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)


def cv_accuracy(X, y, k=10, random_state=0):
    """5-fold stratified cross-validated accuracy of make_model(k)."""
    scores = cross_val_score(make_model(k), X, y, cv=folds(random_state), scoring="accuracy")
    return {"scores": [float(s) for s in scores], "mean": float(np.mean(scores)), "std": float(np.std(scores))}


def tune(X, y, random_state=0):
    """Grid search over k and C by cross-validated ROC AUC; the best model is refitted on all rows."""
    grid = {"select__k": K_GRID, "clf__C": C_GRID}
    search = GridSearchCV(make_model(), grid, scoring="roc_auc", cv=folds(random_state))
    search.fit(X, y)
    best = search.best_params_
    return {
        "best_params": {"k": int(best["select__k"]), "C": float(best["clf__C"])},
        "best_score": float(search.best_score_),
        "model": search.best_estimator_,
    }
