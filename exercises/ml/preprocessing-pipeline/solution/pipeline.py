"""A preprocessing + model pipeline that learns everything from the training rows only."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(numeric, categorical):
    """An unfitted Pipeline: impute + scale `numeric`, impute + one-hot `categorical`, then a classifier."""
    numeric_steps = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
    ])
    categorical_steps = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore")),
    ])
    preprocess = ColumnTransformer([
        ("num", numeric_steps, list(numeric)),
        ("cat", categorical_steps, list(categorical)),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(max_iter=1000))])


def train_and_evaluate(train, test, target):
    """Fit on `train` only and report the accuracy on `test`."""
    X_train, y_train = train.drop(columns=[target]), train[target]
    X_test, y_test = test.drop(columns=[target]), test[target]
    numeric = X_train.select_dtypes("number").columns.tolist()
    categorical = [c for c in X_train.columns if c not in numeric]
    model = build_pipeline(numeric, categorical).fit(X_train, y_train)
    return {"model": model, "accuracy": float(accuracy_score(y_test, model.predict(X_test)))}
