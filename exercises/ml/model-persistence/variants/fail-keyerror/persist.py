"""Selects the saved columns without checking them: a missing column raises KeyError, not ValueError."""

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


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(65536), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_sidecar(path):
    with open(f"{path}.json", encoding="utf-8") as file:
        return json.load(file)


def save_model(model, path, features):
    """Write `model` to `path` with joblib and its sidecar to `path`.json; return the sidecar."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    joblib.dump(model, path)
    sidecar = {"sklearn_version": sklearn.__version__, "features": list(features), "sha256": _sha256(path)}
    with open(f"{path}.json", "w", encoding="utf-8") as file:
        json.dump(sidecar, file, indent=2)
    return sidecar


def load_model(path):
    """Load the model at `path` after checking its checksum and the scikit-learn version."""
    sidecar = _read_sidecar(path)
    # Unpickling runs code: check the bytes before joblib.load ever sees them.
    if _sha256(path) != sidecar["sha256"]:
        raise ValueError(f"{path}: the file does not match the checksum in its sidecar")
    if sidecar["sklearn_version"] != sklearn.__version__:
        raise ValueError(f"{path} was saved with scikit-learn {sidecar['sklearn_version']}, "
                         f"this is {sklearn.__version__}: retrain or load it with the same version")
    return joblib.load(path)


def predict_file(path, df):
    """Predict the rows of `df` with the model saved at `path`, using the saved feature columns."""
    model = load_model(path)
    features = _read_sidecar(path)["features"]
    return model.predict(df[features])
