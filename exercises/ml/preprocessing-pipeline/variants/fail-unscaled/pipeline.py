"""Imputes and encodes, but never scales the numeric columns."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder


def build_pipeline(numeric, categorical):
    preprocess = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(max_iter=5000))])


def train_and_evaluate(train, test, target):
    X_train, y_train = train.drop(columns=[target]), train[target]
    X_test, y_test = test.drop(columns=[target]), test[target]
    numeric = X_train.select_dtypes("number").columns.tolist()
    categorical = [c for c in X_train.columns if c not in numeric]
    model = build_pipeline(numeric, categorical).fit(X_train, y_train)
    return {"model": model, "accuracy": model.score(X_test, y_test)}
