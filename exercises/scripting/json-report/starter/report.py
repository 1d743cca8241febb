import json


def build_report(orders):
    """Aggregate order records into a nested, JSON-ready summary (see the statement for its shape)."""
    # TODO
    raise NotImplementedError


def save_report(orders, path):
    """Write build_report(orders) to `path` as indented JSON and return the file's text."""
    # TODO
    raise NotImplementedError
