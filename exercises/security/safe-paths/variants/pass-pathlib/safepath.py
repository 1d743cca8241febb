from pathlib import Path, PurePosixPath

import testbed  # noqa: F401  (the tests build their practice folders with it: keep this line)


def safe_path(base, name):
    if not isinstance(name, str) or not name or "\0" in name:
        raise ValueError("the name must be a non-empty string without NUL characters")
    if PurePosixPath(name).is_absolute() or ".." in name.split("/"):
        raise ValueError(f"refusing the name {name!r}")
    root = Path(base).resolve()
    target = (root / name).resolve()
    if target == root or not target.is_relative_to(root):
        raise ValueError(f"{name!r} leads outside the folder")
    return str(target)


def read_text(base, name):
    return Path(safe_path(base, name)).read_text(encoding="utf-8")


def save_upload(base, name, data):
    target = Path(safe_path(base, name))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return str(target)
