"""Example tests: the learner sees these and can run them with "Run examples"."""

import numpy as np
import pandas as pd

TRAIN = pd.DataFrame({
    "income": [32.0, 48.5, np.nan, 75.0, 51.0, 28.0, 90.0, 60.5],
    "employment": ["student", "salaried", "salaried", "self-employed", None, "student", "salaried", "salaried"],
    "approved": [0, 1, 1, 1, 0, 0, 1, 1],
})
TEST = pd.DataFrame({
    "income": [40.0, 85.0, 33.0],
    "employment": ["salaried", "freelancer", "student"],
    "approved": [1, 1, 0],
})


def test_build_pipeline_fits_and_predicts(submission):
    """build_pipeline(["income"], ["employment"]) fits the example and predicts an unseen category"""
    model = submission.build_pipeline(["income"], ["employment"])
    model.fit(TRAIN[["income", "employment"]], TRAIN["approved"])
    predicted = model.predict(TEST[["income", "employment"]])
    assert len(predicted) == 3 and set(np.asarray(predicted).tolist()) <= {0, 1}


def test_train_and_evaluate_example(submission):
    """train_and_evaluate() on the example returns the model and its test accuracy"""
    result = submission.train_and_evaluate(TRAIN, TEST, "approved")
    assert set(result) == {"model", "accuracy"}
    assert 0.0 <= result["accuracy"] <= 1.0
    predicted = np.asarray(result["model"].predict(TEST[["income", "employment"]]))
    assert result["accuracy"] == (predicted == TEST["approved"].to_numpy()).mean()
