"""Cross-validation and grid search with every learned step inside the folds."""

import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

K_GRID = [5, 10]
C_GRID = [0.01, 0.1, 1]


def cv_accuracy(X, y, k=10, random_state=0):
    """5-fold stratified cross-validated accuracy of scaling + SelectKBest(k) + LogisticRegression."""
    # TODO: one Pipeline, cross-validated with StratifiedKFold(n_splits=5, shuffle=True, random_state=...)
    return {"scores": [], "mean": 0.0, "std": 0.0}


def tune(X, y, random_state=0):
    """Grid search over k and C by cross-validated ROC AUC; the best model is refitted on all rows."""
    # TODO: GridSearchCV over the same Pipeline
    raise NotImplementedError
