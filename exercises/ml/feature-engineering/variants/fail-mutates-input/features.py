"""Feature engineering: dates, ratios, text and bins, and a model trained on raw orders."""

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

AGE_BINS = [-np.inf, 25, 40, 60, np.inf]
AGE_LABELS = ["<25", "25-39", "40-59", "60+"]
NUMERIC_FEATURES = ["account_age_days", "order_weekday", "is_weekend", "price_per_item", "note_words",
                    "mentions_refund"]


def add_features(df):
    """A copy of `df` with the engineered columns added."""
    out = df  # adds the columns to the caller's frame
    signup = pd.to_datetime(out["signup_date"])
    ordered = pd.to_datetime(out["order_date"])
    out["account_age_days"] = (ordered - signup).dt.days
    out["order_weekday"] = ordered.dt.weekday
    out["is_weekend"] = (ordered.dt.weekday >= 5).astype(int)
    # No items means no meaningful price per item: NaN, which an imputer can fill later (never inf).
    out["price_per_item"] = out["amount"] / out["items"].replace(0, np.nan)
    note = out["note"].fillna("").astype(str)
    out["note_words"] = note.str.split().str.len()
    out["mentions_refund"] = note.str.contains("refund", case=False).astype(int)
    band = pd.cut(out["age"], bins=AGE_BINS, labels=AGE_LABELS, right=False)
    out["age_band"] = band.astype(object).where(band.notna(), "unknown")
    return out


class QuantileBinner(BaseEstimator, TransformerMixin):
    """Bins each column by quantile edges learned in `fit`; `transform` reuses them on new rows."""

    def __init__(self, n_bins=4):
        self.n_bins = n_bins

    def fit(self, X, y=None):
        values = np.asarray(X, dtype=float)
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        levels = [i / self.n_bins for i in range(1, self.n_bins)]
        self.edges_ = [np.quantile(column, levels).tolist() for column in values.T]
        return self

    def transform(self, X):
        if not hasattr(self, "edges_"):
            raise ValueError("QuantileBinner must be fitted before transform")
        values = np.asarray(X, dtype=float)
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        codes = [np.searchsorted(edges, column, side="right") for edges, column in zip(self.edges_, values.T)]
        return np.column_stack(codes).astype(int)


def train_model(df, target):
    """A Pipeline that engineers the features from the raw columns, fitted on `df`."""
    preprocess = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
         NUMERIC_FEATURES),
        ("band", OneHotEncoder(handle_unknown="ignore"), ["age_band"]),
    ])
    model = Pipeline([
        ("features", FunctionTransformer(add_features)),
        ("preprocess", preprocess),
        ("clf", LogisticRegression(max_iter=1000)),
    ])
    return model.fit(df.drop(columns=[target]), df[target])
