import datetime as dt
import math
import re

import numpy as np
import pandas as pd
import pytest

BAR_TITLE = "Revenue by category"
LINE_TITLE = "Monthly revenue by channel"
Y_LABEL = "Revenue (EUR)"
CHANNELS = ["online", "store"]


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def load(data_dir):
    return pd.read_csv(data_dir / "shop.csv", parse_dates=["date"])


def expected_by_category(data_dir):
    return load(data_dir).groupby("category")["revenue"].sum().sort_values(ascending=False)


def expected_monthly(data_dir):
    shop = load(data_dir)
    return shop.pivot_table(index=pd.Grouper(key="date", freq="MS"), columns="channel", values="revenue",
                            aggfunc="sum")


def all_axes(submission):
    figures = submission.figures()
    assert isinstance(figures, list), "the notebook's figures could not be read"
    return [ax for figure in figures for ax in figure.get("axes", [])]


def same_text(got, want):
    return isinstance(got, str) and got.strip().lower() == want.lower()


def check_texts(ax, chart, title, xlabel):
    assert same_text(ax["title"], title), (
        f"the {chart} has another title; set it to {title!r} (ax.set_title)"
    )
    assert same_text(ax["xlabel"], xlabel), (
        f"the {chart}'s x axis has another label; label it {xlabel!r} (ax.set_xlabel)"
    )
    assert same_text(ax["ylabel"], Y_LABEL), (
        f"the {chart}'s y axis has another label; label it {Y_LABEL!r} (ax.set_ylabel)"
    )


def pick(candidates, title):
    titled = [ax for ax in candidates if same_text(ax["title"], title)]
    return (titled or candidates)[-1]


def no_mixed_axes(axes):
    mixed = [ax for ax in axes if ax["bars"] and ax["lines"]]
    assert not mixed, (
        "one axes holds both bars and lines: both charts were drawn on the same axes — start each chart with "
        "fig, ax = plt.subplots() and draw on that ax"
    )


# ------------------------------------------------------------------------------------ the numbers


def test_by_category(submission, data_dir):
    """by_category totals each category, largest first"""
    value = fetch(submission, "by_category", "the revenue per category")
    assert isinstance(value, pd.Series), f"by_category is {type_name(value)}; it must be a Series"
    want = expected_by_category(data_dir)
    assert sorted(map(str, value.index)) == sorted(want.index), (
        "by_category must have one entry per category of shop.csv"
    )
    got = value.reindex(want.index).astype(float)
    assert np.allclose(got.to_numpy(), want.to_numpy()), "by_category's totals are wrong; add up the revenue per category"
    assert list(value.index) == list(want.index), "by_category must be sorted from the largest revenue to the smallest"


def month_keys(index):
    keys = []
    for label in index:
        if getattr(label, "type_name", None) == "Period":
            raise AssertionError("monthly's index holds Period objects; label the months by Timestamps (freq='MS')")
        if isinstance(label, str):
            assert re.fullmatch(r"\d{4}-\d{2}", label), (
                "monthly's index holds text in another form; label the months as 'YYYY-MM'"
            )
            keys.append(label)
        else:
            assert isinstance(label, (dt.date, np.datetime64)), (
                f"monthly's index holds {type_name(label)} values; label the months by their first day"
            )
            keys.append(pd.Timestamp(label).strftime("%Y-%m"))
    return keys


@pytest.mark.points(2)
def test_monthly(submission, data_dir):
    """monthly totals each month and channel, oldest month first"""
    value = fetch(submission, "monthly", "the revenue per month and channel")
    assert isinstance(value, pd.DataFrame), f"monthly is {type_name(value)}; it must be a DataFrame"
    want = expected_monthly(data_dir)
    columns = sorted(map(str, value.columns))
    assert columns == CHANNELS, f"monthly has other columns; one column per channel, {CHANNELS}"
    keys = month_keys(value.index)
    wanted = [d.strftime("%Y-%m") for d in want.index]
    assert sorted(keys) == wanted, (
        "monthly must have one row per month, from the month of the first sale to that of the last"
    )
    assert keys == wanted, "monthly's months must be in order, the oldest first"
    for channel in CHANNELS:
        assert np.allclose(value[channel].astype(float).to_numpy(), want[channel].to_numpy()), (
            f"monthly's {channel} column is not the total revenue of each month"
        )


# ------------------------------------------------------------------------------------ the bar chart


def bar_axes(submission, data_dir):
    axes = all_axes(submission)
    assert axes, "the notebook draws no figure; draw the bar chart and the line chart"
    no_mixed_axes(axes)
    candidates = [ax for ax in axes if ax["bars"]]
    if not candidates:
        want = expected_by_category(data_dir)
        as_line = [ax for ax in axes for line in ax["lines"] if len(line["y"]) == len(want)]
        assert not as_line, (
            "the categories are drawn as a line; draw them as bars (kind='bar' or ax.bar) — a line suggests an "
            "order between categories that doesn't exist"
        )
        raise AssertionError("no figure holds a bar chart; draw by_category with vertical bars")
    return pick(candidates, BAR_TITLE)


@pytest.mark.points(3)
def test_bar_values(submission, data_dir):
    """the bar chart shows each category's revenue, largest first"""
    ax = bar_axes(submission, data_dir)
    want = expected_by_category(data_dir)
    bars = sorted(ax["bars"], key=lambda bar: bar["x"])
    heights = [bar["height"] for bar in bars]
    widths = [bar["width"] for bar in bars]
    if len(bars) == len(want) and np.allclose(sorted(widths), sorted(want.to_numpy())):
        raise AssertionError("the bars are horizontal; draw vertical bars (kind='bar' or ax.bar, not barh)")
    assert len(bars) == len(want), (
        "the bar chart has the wrong number of bars; draw one bar per category"
    )
    assert np.allclose(sorted(heights), sorted(want.to_numpy())), (
        "the bars' heights are not the categories' total revenues"
    )
    assert np.allclose(heights, want.to_numpy()), (
        "the bars are not in order from the largest revenue to the smallest; sort by_category before plotting"
    )


def test_bar_labels(submission, data_dir):
    """the bar chart names the categories under the bars"""
    ax = bar_axes(submission, data_dir)
    want = expected_by_category(data_dir)
    labels = [t for t in ax["xticklabels"] if t]
    assert sorted(labels) == sorted(want.index), (
        "the bar chart's x tick labels must name the categories"
    )
    bars = sorted(ax["bars"], key=lambda bar: bar["x"])
    heights = dict(zip(labels, (bar["height"] for bar in bars)))
    assert all(math.isclose(heights[c], want[c], rel_tol=1e-9) for c in want.index), (
        "the bar chart's labels don't match its bars: each category's name must sit under its own bar"
    )


def test_bar_texts(submission, data_dir):
    """the bar chart has its title and axis labels"""
    check_texts(bar_axes(submission, data_dir), "bar chart", BAR_TITLE, "Category")


# ------------------------------------------------------------------------------------ the line chart


def line_axes(submission, data_dir):
    axes = all_axes(submission)
    assert axes, "the notebook draws no figure; draw the bar chart and the line chart"
    no_mixed_axes(axes)
    candidates = [ax for ax in axes if len(ax["lines"]) >= 2]
    if not candidates:
        months = len(expected_monthly(data_dir))
        as_bars = [ax for ax in axes if len(ax["bars"]) == months * len(CHANNELS)]
        assert not as_bars, (
            "the monthly revenue is drawn as bars; draw it as a line chart (the default kind of .plot, or ax.plot)"
        )
        one = [ax for ax in axes if len(ax["lines"]) == 1]
        assert not one, "the line chart has a single line; draw one line per channel (online and store)"
        raise AssertionError("no figure holds a line chart with a line per channel; draw monthly as lines")
    return pick(candidates, LINE_TITLE)


def lines_by_channel(ax):
    named = {line["label"]: line for line in ax["lines"] if line["label"] in CHANNELS}
    unnamed = [line["label"] for line in ax["lines"] if str(line["label"]).startswith("_")]
    assert sorted(named) == CHANNELS, (
        "the line chart's lines are not labelled online and store"
        + ("; give each line its channel as label (label=...)" if unnamed else "")
    )
    return named


@pytest.mark.points(3)
def test_line_values(submission, data_dir):
    """each line shows its channel's monthly revenue, month by month"""
    ax = line_axes(submission, data_dir)
    want = expected_monthly(data_dir)
    lines = lines_by_channel(ax)
    for channel in CHANNELS:
        y = [float("nan") if v is None else float(v) for v in lines[channel]["y"]]
        assert len(y) == len(want), (
            f"the {channel} line has the wrong number of points; it needs one per month — plot the monthly "
            "totals, not the single sales"
        )
        target = want[channel].to_numpy()
        if np.allclose(y, target, equal_nan=True):
            continue
        assert not np.allclose(sorted(y), sorted(target), equal_nan=True), (
            f"the {channel} line has the right values in the wrong order; plot the months in order"
        )
        raise AssertionError(f"the {channel} line's points are not that channel's monthly revenue")


def test_line_legend(submission, data_dir):
    """the line chart has a legend naming the channels"""
    ax = line_axes(submission, data_dir)
    lines_by_channel(ax)
    assert sorted(t for t in ax["legend"] if t in CHANNELS) == CHANNELS, (
        "the line chart has no legend naming online and store; call ax.legend()"
    )


def test_line_texts(submission, data_dir):
    """the line chart has its title and axis labels"""
    check_texts(line_axes(submission, data_dir), "line chart", LINE_TITLE, "Month")
