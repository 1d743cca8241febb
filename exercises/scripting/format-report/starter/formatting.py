import re


def render_table(rows, columns):
    """A plain-text table of `rows` (dicts) showing `columns`, aligned as the statement describes."""
    # TODO
    raise NotImplementedError


def fill_template(template, values):
    """Replace each {{ name }} in `template` with the text of values[name]."""
    # TODO
    raise NotImplementedError
