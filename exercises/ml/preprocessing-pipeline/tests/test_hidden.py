"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

The data sets are generated here with a fixed seed. Leakage shows in what the fitted pipeline
learned: a scaler or encoder fitted on test rows remembers their statistics or categories.
"""

import numpy as np
import pandas as pd
import pytest

EMPLOYMENT = {"salaried": 0.6, "self-employed": 0.0, "contractor": -0.4, "student": -1.6}
NUMERIC = ["income", "debt_ratio", "years_employed"]
CATEGORICAL = ["employment", "region"]


def applicants(n, seed, income_shift=0.0, unseen=0.0):
    """Loan applicants; `income_shift` moves the test incomes, `unseen` adds an unseen employment kind."""
    rng = np.random.default_rng(seed)
    income = rng.normal(55.0, 15, n)
    debt = rng.uniform(0, 0.8, n)
    years = rng.poisson(6, n).astype(float)
    employment = rng.choice(list(EMPLOYMENT), n, p=[0.5, 0.25, 0.15, 0.1]).astype(object)
    region = rng.choice(["north", "south", "east", "west"], n).astype(object)
    logit = 0.09 * (income - 55) - 6 * (debt - 0.4) + 0.1 * (years - 6) + np.array([EMPLOYMENT[k] for k in employment])
    approved = (rng.random(n) < 1 / (1 + np.exp(-2 * logit))).astype(int)
    if unseen:
        employment[rng.random(n) < unseen] = "freelancer"
    income[rng.random(n) < 0.06] = np.nan
    years[rng.random(n) < 0.04] = np.nan
    employment[rng.random(n) < 0.05] = None
    return pd.DataFrame({"income": (income + income_shift).round(1), "debt_ratio": debt.round(3),
                         "years_employed": years, "employment": employment, "region": region,
                         "approved": approved})


def features(df):
    return df.drop(columns=["approved"])


def is_handle(obj):
    return obj is not None and not isinstance(obj, str | int | float | list | tuple | dict)


def parts(model, columns=None):
    """(class name, handle, columns) for every estimator inside a fitted pipeline."""
    found = [(model.type_name, model, columns)]
    if model.type_name == "Pipeline":
        for _, step in model.steps.get():
            if is_handle(step):
                found += parts(step, columns)
    elif model.type_name == "ColumnTransformer":
        for _, transformer, cols in model.transformers_.get():
            if is_handle(transformer):
                found += parts(transformer, list(cols) if not isinstance(cols, str) else [cols])
    return found


def only(model, name, what):
    matches = [(handle, cols) for kind, handle, cols in parts(model) if kind == name]
    assert len(matches) == 1, f"the fitted pipeline must contain exactly one {name} ({what})"
    return matches[0]


def train_mean_after_median_fill(df, column):
    values = df[column]
    return float(values.fillna(values.median()).mean())


def accuracy(model, df):
    predicted = np.asarray(model.predict(features(df)))
    return float((predicted == df["approved"].to_numpy()).mean())


@pytest.mark.points(2)
def test_build_pipeline_predicts(submission):
    """build_pipeline() gives an unfitted Pipeline that scores well on held-out applicants"""
    train, test = applicants(400, 1), applicants(300, 2, unseen=0.05)
    model = submission.build_pipeline(NUMERIC, CATEGORICAL)
    assert getattr(model, "type_name", None) == "Pipeline", "build_pipeline() must return a sklearn Pipeline"
    model.fit(features(train), train["approved"])
    score = accuracy(model, test)
    assert score >= 0.78, (
        "held-out accuracy is too low; impute, scale the numeric columns, one-hot encode the categorical "
        "ones and end with a LogisticRegression"
    )


@pytest.mark.points(2)
def test_build_pipeline_scales_numeric(submission):
    """build_pipeline() scales exactly the numeric columns, with statistics of the rows it was fitted on"""
    train = applicants(400, 3)
    model = submission.build_pipeline(NUMERIC, CATEGORICAL)
    model.fit(features(train), train["approved"])
    scaler, columns = only(model, "StandardScaler", "for the numeric columns")
    assert columns == NUMERIC, "the StandardScaler must be applied to the numeric columns only, in the order given"
    means = np.asarray(scaler.mean_.get(), dtype=float)
    expected = [train_mean_after_median_fill(train, c) for c in NUMERIC]
    assert np.allclose(means, expected, atol=0.3), (
        "the scaler's means must be those of the training rows after filling missing values with the median"
    )


@pytest.mark.points(2)
def test_build_pipeline_encodes_categorical(submission):
    """build_pipeline() one-hot encodes the categorical columns and tolerates unseen values"""
    train, test = applicants(400, 4), applicants(200, 5, unseen=0.2)
    model = submission.build_pipeline(NUMERIC, CATEGORICAL)
    model.fit(features(train), train["approved"])
    encoder, columns = only(model, "OneHotEncoder", "for the categorical columns")
    assert columns == CATEGORICAL, "the OneHotEncoder must be applied to the categorical columns only"
    categories = encoder.categories_.get()
    for column, learned in zip(CATEGORICAL, categories):
        assert set(train[column].dropna()) <= set(learned.tolist()), "every training category must get its column"
    predicted = np.asarray(model.predict(features(test)))
    assert len(predicted) == len(test), (
        "the pipeline must predict rows whose category was never seen in training "
        "(OneHotEncoder(handle_unknown='ignore'))"
    )


def test_build_pipeline_missing_values(submission):
    """build_pipeline() handles missing numbers and missing categories"""
    train = applicants(300, 6)
    train.loc[train.index[:40], "income"] = np.nan
    train.loc[train.index[40:70], "region"] = None
    model = submission.build_pipeline(NUMERIC, CATEGORICAL)
    model.fit(features(train), train["approved"])
    predicted = np.asarray(model.predict(features(train.head(80))))
    assert set(predicted.tolist()) <= {0, 1}, "impute missing values inside the pipeline before scaling and encoding"


def evaluate(submission, train, test):
    result = submission.train_and_evaluate(train, test, "approved")
    assert isinstance(result, dict) and set(result) == {"model", "accuracy"}, (
        "train_and_evaluate() must return a dict with the keys model and accuracy"
    )
    assert getattr(result["model"], "type_name", None) == "Pipeline", "result['model'] must be the fitted Pipeline"
    return result["model"], result["accuracy"]


@pytest.mark.points(2)
def test_evaluate_reports_test_accuracy(submission):
    """train_and_evaluate() reports the accuracy on the test rows, from a model trained on the others"""
    train, test = applicants(400, 7), applicants(300, 8, unseen=0.05)
    model, reported = evaluate(submission, train, test)
    names = [str(n) for n in model.feature_names_in_.get()]
    assert sorted(names) == sorted(NUMERIC + CATEGORICAL), (
        "the model must be trained on every feature column and never on the target"
    )
    actual = accuracy(model, test)
    assert reported == pytest.approx(actual, abs=1e-9), "accuracy must be measured on the test rows"
    assert actual >= 0.78, "the held-out accuracy is too low; check the preprocessing and the model"


@pytest.mark.points(3)
def test_evaluate_scaler_sees_only_train(submission):
    """train_and_evaluate() fits the scaler on the training rows only"""
    train, test = applicants(400, 9), applicants(400, 10, income_shift=60.0)
    model, _ = evaluate(submission, train, test)
    scaler, columns = only(model, "StandardScaler", "for the numeric columns")
    seen = np.atleast_1d(np.asarray(scaler.n_samples_seen_.get()))
    assert (seen == len(train)).all(), (
        "the scaler was fitted on a different number of rows than the training set: fit the whole pipeline "
        "on the training rows only, never on test rows (data leakage)"
    )
    income = columns.index("income")
    learned = float(np.asarray(scaler.mean_.get())[income])
    assert learned == pytest.approx(train_mean_after_median_fill(train, "income"), abs=0.5), (
        "the scaler's mean income is not the training mean: statistics from the test rows leaked into "
        "the preprocessing"
    )


@pytest.mark.points(3)
def test_evaluate_encoder_sees_only_train(submission):
    """train_and_evaluate() learns the categories from the training rows only"""
    train, test = applicants(400, 11), applicants(300, 12, unseen=0.1)
    model, _ = evaluate(submission, train, test)
    encoder, columns = only(model, "OneHotEncoder", "for the categorical columns")
    employment = encoder.categories_.get()[columns.index("employment")].tolist()
    assert "freelancer" not in employment, (
        "the encoder knows a category that occurs only in the test rows: it was fitted on test data (data leakage)"
    )
