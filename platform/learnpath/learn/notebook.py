"""Notebook learner files: checking that what the page sends is a valid nbformat v4 notebook."""

from __future__ import annotations

import warnings

import nbformat

NOTEBOOK_SUFFIX = ".ipynb"


def is_notebook(name: str) -> bool:
    return name.endswith(NOTEBOOK_SUFFIX)


def notebook_error(name: str, text: str) -> str | None:
    """None when `text` is a valid nbformat v4 notebook, else a message naming the file and the fix."""
    try:
        with warnings.catch_warnings():
            # An older 4.x notebook without cell ids is still a notebook; ids are filled in on reading.
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    except Exception as exc:  # nbformat raises plain JSON and reader errors alike
        return f"{name} is not a notebook file ({type(exc).__name__}); upload or save an .ipynb notebook."
    if notebook.get("nbformat") != 4:
        return f"{name} must be an nbformat 4 notebook, got version {notebook.get('nbformat')!r}."
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(notebook)
    except nbformat.ValidationError as exc:
        return f"{name} is not a valid notebook: {exc.message}"
    return None


def empty_notebook() -> str:
    """A new notebook with one empty code cell, for an exercise without a starter notebook."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell(""))
    return nbformat.writes(notebook)
