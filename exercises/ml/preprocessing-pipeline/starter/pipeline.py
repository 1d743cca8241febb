"""A preprocessing + model pipeline that learns everything from the training rows only."""

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_pipeline(numeric, categorical):
    """An unfitted Pipeline: impute + scale `numeric`, impute + one-hot `categorical`, then a classifier."""
    # TODO: a ColumnTransformer with one branch for the numeric columns and one for the categorical ones
    return Pipeline([("model", LogisticRegression(max_iter=1000))])


def train_and_evaluate(train, test, target):
    """Fit on `train` only and report the accuracy on `test`."""
    # TODO: split features from the target, find the numeric and categorical columns, fit, score
    return {"model": build_pipeline([], []), "accuracy": 0.0}
