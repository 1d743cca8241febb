"""Feature engineering: dates, ratios, text and bins, and a model trained on raw orders."""

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def add_features(df):
    """A copy of `df` with the engineered columns added."""
    out = df.copy()
    # TODO: account_age_days, order_weekday, is_weekend, price_per_item, note_words, mentions_refund, age_band
    return out


class QuantileBinner(BaseEstimator, TransformerMixin):
    """Bins each column by quantile edges learned in `fit`; `transform` reuses them on new rows."""

    def __init__(self, n_bins=4):
        self.n_bins = n_bins

    def fit(self, X, y=None):
        # TODO: learn self.edges_
        return self

    def transform(self, X):
        # TODO: one bin code per value, with the edges learned in fit
        raise NotImplementedError


def train_model(df, target):
    """A Pipeline that engineers the features from the raw columns, fitted on `df`."""
    # TODO: add_features inside the pipeline, then preprocessing and a classifier
    raise NotImplementedError
