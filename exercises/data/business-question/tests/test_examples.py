import pandas as pd


def test_completed_example(submission):
    """completed holds the 133 completed orders"""
    completed = submission.get("completed")
    assert isinstance(completed, pd.DataFrame), "completed must be a DataFrame"
    assert len(completed) == 133


def test_best_channel_is_text(submission):
    """best_channel is one of the four channels"""
    assert submission.get("best_channel") in ("ads", "search", "social", "referral")
