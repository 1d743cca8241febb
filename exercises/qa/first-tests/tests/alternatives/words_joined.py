"""Turn titles into URL slugs and shorten text for previews."""

import re

_WORD = re.compile(r"[a-z0-9]+")
_ELLIPSIS = "…"


def slugify(title):
    """The runs of ASCII letters and digits of the lowercased title, joined by dashes."""
    words = _WORD.findall(title.lower())
    return "-".join(words)


def truncate(text, width):
    """`text` as it is when it fits in `width` characters, else cut to make room for an ellipsis."""
    if not width >= 1:
        raise ValueError("there is no room for the ellipsis in a width under 1")
    length = len(text)
    if not length <= width:
        kept = text[: width - 1]
        return kept + _ELLIPSIS
    return text
