"""Persistence with pathlib, a compressed joblib file and a sidecar checked field by field."""

import hashlib
import json
from pathlib import Path

import joblib
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def train_model(df, target):
    X = df.drop(columns=[target])
    numeric = X.select_dtypes("number").columns.tolist()
    categorical = [c for c in X.columns if c not in numeric]
    preprocess = ColumnTransformer([("num", StandardScaler(), numeric),
                                    ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)])
    return Pipeline([("preprocess", preprocess), ("clf", LogisticRegression(max_iter=1000))]).fit(X, df[target])


def _sidecar_path(path):
    path = Path(path)
    return path.with_name(path.name + ".json")


def save_model(model, path, features):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=3)
    sidecar = {"sklearn_version": sklearn.__version__, "features": [str(f) for f in features],
               "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    _sidecar_path(path).write_text(json.dumps(sidecar))
    return sidecar


def _checked_sidecar(path):
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no model at {path}")
    sidecar = json.loads(_sidecar_path(path).read_text())
    problems = []
    if hashlib.sha256(path.read_bytes()).hexdigest() != sidecar.get("sha256"):
        problems.append("checksum mismatch")
    if sidecar.get("sklearn_version") != sklearn.__version__:
        problems.append(f"saved with scikit-learn {sidecar.get('sklearn_version')}")
    if problems:
        raise ValueError(f"refusing to load {path}: " + "; ".join(problems))
    return sidecar


def load_model(path):
    _checked_sidecar(path)
    return joblib.load(path)


def predict_file(path, df):
    sidecar = _checked_sidecar(path)
    missing = sorted(set(sidecar["features"]) - set(df.columns))
    if missing:
        raise ValueError(f"the frame lacks the feature column(s) {missing}")
    return joblib.load(path).predict(df.loc[:, sidecar["features"]])
