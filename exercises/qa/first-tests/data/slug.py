"""Turn titles into URL slugs and shorten text for previews."""

import re


def slugify(title):
    """The URL slug of `title`: lowercase letters and digits, words joined by single dashes.

    Every run of characters that are not ASCII letters or digits becomes one dash, and the slug
    never starts or ends with a dash.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower())
    return slug.strip("-")


def truncate(text, width):
    """`text` if it fits in `width` characters, otherwise its first `width - 1` characters and "…".

    `width` is at least 1 (room for the "…"); ValueError otherwise.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    if len(text) <= width:
        return text
    return text[: width - 1] + "…"
