"""Turning authored Markdown into HTML that is safe to put in a page."""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
# Keep the language class markdown-it puts on fenced code.
_attributes = {**nh3.ALLOWED_ATTRIBUTES, "code": {"class"}}

# Pictures an exercise folder may hold beside its README.md and show in its statement.
MEDIA_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.(png|jpe?g|gif|webp)")


def render_statement(text: str, media_url: str | None = None) -> Markup:
    """Render Markdown, then sanitize: scripts, styles, event handlers and unsafe links go.

    An image that names a picture of the exercise folder (`![result](screenshot.png)`) is pointed
    at `media_url`; other relative image paths are dropped.
    """

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag != "img" or name != "src" or re.match(r"[a-z][a-z0-9+.-]*:|/", value):
            return value
        if media_url is None or not MEDIA_NAME.fullmatch(value):
            return None
        return f"{media_url}/{value}"

    return Markup(nh3.clean(_markdown.render(text), attributes=_attributes, attribute_filter=attribute))


@lru_cache(maxsize=256)
def render_exercise_statement(text: str, media_url: str) -> Markup:
    """`render_statement` for a catalog exercise's statement, which changes only with a sync while
    its page shows it on every visit; cached per text (learners' own Markdown is not cached)."""
    return render_statement(text, media_url)
