"""Turning authored Markdown into HTML that is safe to put in a page."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
# Keep the language class markdown-it puts on fenced code.
_attributes = {**nh3.ALLOWED_ATTRIBUTES, "code": {"class"}}


def render_statement(text: str) -> Markup:
    """Render Markdown, then sanitize: scripts, styles, event handlers and unsafe links go."""
    return Markup(nh3.clean(_markdown.render(text), attributes=_attributes))
