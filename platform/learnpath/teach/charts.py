"""Charts drawn on the server as SVG: no script, no external files, readable without colour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup, escape

ROW = 26  # px per bar
LABEL_WIDTH = 260  # room for LABEL_CHARS characters of 13 px text, wide letters included
LABEL_CHARS = 32  # a longer label is cut with "…" and shown whole on hover
BAR_WIDTH = 360
VALUE_WIDTH = 90
COLOURS = {"pass": "#1f7a3f", "fail": "#b3261e", "neutral": "#2454c5"}


def bar_chart(title: str, bars: Sequence[tuple[str, float, str]], maximum: float | None = None,
              tone: str = "neutral") -> Markup:
    """Horizontal bars: (label, value, value as text). `maximum` fixes the scale (e.g. 1 for rates)."""
    if not bars:
        return Markup("")
    top = maximum or max(value for _, value, _ in bars) or 1
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = ROW * len(bars) + 8
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value, text) in enumerate(bars):
        y = 4 + index * ROW
        length = max(0.0, min(1.0, value / top)) * BAR_WIDTH
        shown = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        whole = f"<title>{escape(label)}</title>" if shown != label else ""
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="#1d2330">'
            f"{whole}{escape(shown)}</text>",
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH}" height="{ROW - 8}" fill="#eef1f6"/>',
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{ROW - 8}" fill="{COLOURS[tone]}"/>',
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 17}" font-size="13" fill="#1d2330">'
            f"{escape(text)}</text>",
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(title: str, values: Sequence[int], unit: str, buckets: int = 10) -> Markup:
    """How many times each value occurs, 1..buckets, with the last bucket holding the rest ("10+")."""
    if not values:
        return Markup("")
    counts = Counter(min(value, buckets) for value in values)
    top = max(counts.values())
    bars = [
        (f"{n}{'+' if n == buckets else ''} {unit}{'' if n == 1 else 's'}", counts.get(n, 0), str(counts.get(n, 0)))
        for n in range(1, min(max(counts), buckets) + 1)
    ]
    return bar_chart(title, bars, maximum=top, tone="pass")
