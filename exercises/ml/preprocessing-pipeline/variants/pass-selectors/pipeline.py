"""The same pipeline built with make_pipeline / make_column_transformer and dtype selectors."""

from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(numeric, categorical):
    preprocess = make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        (make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                       OneHotEncoder(handle_unknown="ignore", sparse_output=False)), categorical),
    )
    return make_pipeline(preprocess, LogisticRegression(max_iter=2000, C=0.5))


def train_and_evaluate(train, test, target):
    features = [c for c in train.columns if c != target]
    numeric = [c for c in features if train[c].dtype.kind in "biuf"]
    categorical = [c for c in features if c not in numeric]
    model = build_pipeline(numeric, categorical)
    model.fit(train[features], train[target])
    return {"model": model, "accuracy": model.score(test[features], test[target])}
