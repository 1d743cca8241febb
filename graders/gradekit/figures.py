"""Matplotlib figures described as plain data, so tests judge a plot by what it shows."""

from __future__ import annotations

import sys
from typing import Any


def _values(data: Any) -> list[Any]:
    try:
        return list(data.tolist()) if hasattr(data, "tolist") else list(data)
    except TypeError:
        return []


def describe_axes(ax: Any) -> dict[str, Any]:
    from matplotlib.collections import PathCollection
    from matplotlib.patches import Rectangle

    legend = ax.get_legend()
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    return {
        "title": ax.get_title(),
        "xlabel": ax.get_xlabel(),
        "ylabel": ax.get_ylabel(),
        "xscale": ax.get_xscale(),
        "yscale": ax.get_yscale(),
        "lines": [{"x": _values(line.get_xdata()), "y": _values(line.get_ydata()), "label": line.get_label()}
                  for line in ax.get_lines()],
        "bars": [{"x": float(p.get_x() + p.get_width() / 2), "y": float(p.get_y()), "width": float(p.get_width()),
                  "height": float(p.get_height()), "label": p.get_label()} for p in bars],
        "scatter": [{"offsets": _values(c.get_offsets()), "label": c.get_label()}
                    for c in ax.collections if isinstance(c, PathCollection)],
        "xticklabels": [t.get_text() for t in ax.get_xticklabels()],
        "yticklabels": [t.get_text() for t in ax.get_yticklabels()],
        "legend": [t.get_text() for t in legend.get_texts()] if legend else [],
    }


def describe_figures() -> list[dict[str, Any]]:
    """Every open figure: its suptitle and, per axes, titles, labels, lines, bars and scatter points."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    import matplotlib.pyplot as plt

    figures = []
    for number in plt.get_fignums():
        figure = plt.figure(number)
        suptitle = figure.get_suptitle() if hasattr(figure, "get_suptitle") else ""
        figures.append({"number": number, "suptitle": suptitle, "axes": [describe_axes(ax) for ax in figure.axes]})
    return figures
