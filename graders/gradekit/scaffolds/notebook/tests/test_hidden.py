"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pandas as pd


def test_frame(submission, data_dir):
    """`df` holds every row of sales.csv"""
    df = submission.get("df")
    assert isinstance(df, pd.DataFrame), "df must be a DataFrame"
    assert len(df) == len(pd.read_csv(data_dir / "sales.csv")), "df has the wrong number of rows"


def test_plot(submission):
    """the bar chart shows units per region"""
    figures = submission.figures()
    assert figures, "draw the bar chart in the notebook"
    axes = figures[-1]["axes"][0]
    assert sorted(bar["height"] for bar in axes["bars"]) == [5, 7], "the bars should be the units per region"
    assert axes["ylabel"] == "units", "label the y axis 'units'"
