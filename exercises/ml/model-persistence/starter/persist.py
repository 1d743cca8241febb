"""Save a trained model with joblib next to a JSON sidecar, and load it back only when it is safe."""

import hashlib
import json
import os

import joblib
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def train_model(df, target):
    """Given: a churn model on the numeric and text columns of `df` (already complete)."""
    X = df.drop(columns=[target])
    numeric = X.select_dtypes("number").columns.tolist()
    categorical = [c for c in X.columns if c not in numeric]
    preprocess = ColumnTransformer([("num", StandardScaler(), numeric),
                                    ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)])
    return Pipeline([("preprocess", preprocess), ("clf", LogisticRegression(max_iter=1000))]).fit(X, df[target])


def save_model(model, path, features):
    """Write `model` to `path` with joblib and its sidecar to `path`.json; return the sidecar."""
    # TODO: create the folders, dump the model, write the sidecar (version, features, sha256)
    joblib.dump(model, path)
    return {}


def load_model(path):
    """Load the model at `path` after checking its checksum and the scikit-learn version."""
    # TODO: read the sidecar and check it before loading
    return joblib.load(path)


def predict_file(path, df):
    """Predict the rows of `df` with the model saved at `path`, using the saved feature columns."""
    # TODO
    raise NotImplementedError
