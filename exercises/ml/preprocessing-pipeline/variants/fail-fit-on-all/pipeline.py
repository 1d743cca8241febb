"""Leaky: the preprocessing is fitted on train and test rows together, then the model on train."""

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def _preprocess(numeric, categorical):
    return ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
    ])


def build_pipeline(numeric, categorical):
    return Pipeline([("preprocess", _preprocess(numeric, categorical)), ("model", LogisticRegression(max_iter=1000))])


def train_and_evaluate(train, test, target):
    X_train, y_train = train.drop(columns=[target]), train[target]
    X_test, y_test = test.drop(columns=[target]), test[target]
    numeric = X_train.select_dtypes("number").columns.tolist()
    categorical = [c for c in X_train.columns if c not in numeric]
    preprocess = _preprocess(numeric, categorical).fit(pd.concat([X_train, X_test]))
    classifier = LogisticRegression(max_iter=1000).fit(preprocess.transform(X_train), y_train)
    model = Pipeline([("preprocess", preprocess), ("model", classifier)])
    return {"model": model, "accuracy": model.score(X_test, y_test)}
