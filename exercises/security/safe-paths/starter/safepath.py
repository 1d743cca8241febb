import os
from pathlib import Path

import testbed  # noqa: F401  (the tests build their practice folders with it: keep this line)


def safe_path(base, name):
    """The resolved absolute path of `name` strictly inside `base`, or ValueError."""
    raise NotImplementedError("write safe_path")


def read_text(base, name):
    """The UTF-8 text of `name` inside `base` (ValueError if unsafe, FileNotFoundError if missing)."""
    raise NotImplementedError("write read_text")


def save_upload(base, name, data):
    """Write `data` to `name` inside `base`, creating folders; return the resolved path."""
    raise NotImplementedError("write save_upload")
