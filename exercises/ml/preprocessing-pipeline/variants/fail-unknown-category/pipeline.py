"""OneHotEncoder with its default handle_unknown='error': a category unseen in training crashes predict."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(numeric, categorical):
    preprocess = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder())]),
         categorical),
    ])
    return Pipeline([("preprocess", preprocess), ("model", LogisticRegression(max_iter=1000))])


def train_and_evaluate(train, test, target):
    X_train, y_train = train.drop(columns=[target]), train[target]
    X_test, y_test = test.drop(columns=[target]), test[target]
    numeric = X_train.select_dtypes("number").columns.tolist()
    categorical = [c for c in X_train.columns if c not in numeric]
    model = build_pipeline(numeric, categorical).fit(X_train, y_train)
    return {"model": model, "accuracy": model.score(X_test, y_test)}
