import csv


def load_expenses(path):
    """The rows of the expenses CSV at `path` as dicts, with `amount` as a float."""
    # TODO
    raise NotImplementedError


def summarise_expenses(src, dest):
    """Write a per-category summary of the expenses in `src` to the CSV `dest`; return its text."""
    # TODO
    raise NotImplementedError
