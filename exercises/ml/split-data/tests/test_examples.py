"""Example tests: the learner sees these and can run them with "Run examples"."""

import pandas as pd


def churn_frame():
    return pd.DataFrame({
        "tenure": [1, 5, 12, 3, 24, 7, 2, 36, 9, 15],
        "plan": ["basic", "pro", "pro", "basic", "pro", "basic", "basic", "pro", "basic", "pro"],
        "churned": [1, 0, 0, 1, 0, 0, 1, 0, 0, 1],
    })


def test_split_data_example(submission):
    """split_data() on the 10-customer example keeps 2 churned customers in each half"""
    X_train, X_test, y_train, y_test = submission.split_data(churn_frame(), "churned", test_size=0.5, random_state=0)
    assert list(X_test.columns) == ["tenure", "plan"]
    assert len(X_train) == len(X_test) == 5
    assert int(y_test.sum()) == 2 and int(y_train.sum()) == 2
    assert sorted(X_train.index.tolist() + X_test.index.tolist()) == list(range(10))


def test_three_way_example(submission):
    """three_way_split() of 100 rows gives 60 / 20 / 20 rows with 12 / 4 / 4 positives"""
    df = pd.DataFrame({"x": range(100), "y": [1] * 20 + [0] * 80})
    train, val, test = submission.three_way_split(df, "y")
    assert (len(train), len(val), len(test)) == (60, 20, 20)
    assert (int(train["y"].sum()), int(val["y"].sum()), int(test["y"].sum())) == (12, 4, 4)
