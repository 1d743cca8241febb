import re
from pathlib import Path


def target_name(name):
    """Where the file called `name` belongs (a relative path with "/"), or None to leave it."""
    # TODO
    raise NotImplementedError


def organise(folder):
    """Move the files directly inside `folder` to their target names; return the moves made."""
    # TODO
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helpers: leave these as they are (the tests use them to set up and inspect folders).

def make_files(folder, names):
    """Create `folder` (and any missing parents) holding an empty file for each name in `names`.

    A name may contain "/" to put the file in a subfolder: "photos/2024/old.jpg".
    """
    root = Path(folder)
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"contents of {name}\n", encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    return list_tree(folder)


def list_tree(folder):
    """Every file below `folder`, as sorted relative paths with "/" separators."""
    root = Path(folder)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def read_file(folder, name):
    """The text of the file `name` inside `folder`."""
    return (Path(folder) / name).read_text(encoding="utf-8")
