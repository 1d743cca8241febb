import os
from pathlib import Path

import testbed  # noqa: F401  (the tests build their practice folders with it: keep this line)


def safe_path(base, name):
    """The resolved absolute path of `name` strictly inside `base`, or ValueError."""
    if not isinstance(name, str) or not name:
        raise ValueError("the name is empty")
    if "\0" in name:
        raise ValueError("the name contains a NUL character")
    root = Path(os.path.realpath(base))
    target = Path(os.path.realpath(os.path.join(root, name)))
    if target == root or not target.is_relative_to(root):
        raise ValueError("the name leads outside the base folder")
    return str(target)


def read_text(base, name):
    """The UTF-8 text of `name` inside `base` (ValueError if unsafe, FileNotFoundError if missing)."""
    with open(safe_path(base, name), encoding="utf-8") as handle:
        return handle.read()


def save_upload(base, name, data):
    """Write `data` to `name` inside `base`, creating folders; return the resolved path."""
    target = safe_path(base, name)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as handle:
        handle.write(data)
    return target
