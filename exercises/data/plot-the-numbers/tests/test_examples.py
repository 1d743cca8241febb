import pandas as pd


def test_by_category(submission):
    """by_category: Kitchen sells the most"""
    by_category = submission.get("by_category")
    assert isinstance(by_category, pd.Series), "by_category must be a Series"
    assert list(by_category.index)[0] == "Kitchen"


def test_bar_chart_drawn(submission):
    """a figure holds a bar chart with four bars"""
    figures = submission.figures()
    bars = [ax for figure in figures for ax in figure["axes"] if ax["bars"]]
    assert bars, "draw the bar chart"
    assert any(len(ax["bars"]) == 4 for ax in bars), "one bar per category"


def test_line_chart_drawn(submission):
    """a figure holds a line chart with two lines"""
    figures = submission.figures()
    lines = [ax for figure in figures for ax in figure["axes"] if len(ax["lines"]) >= 2]
    assert lines, "draw the line chart, one line per channel"
