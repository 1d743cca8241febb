import datetime
import re
from pathlib import Path

PHOTO = re.compile(r"IMG_(\d{4})(\d{2})(\d{2})_(\d{6})\.(jpe?g)", re.IGNORECASE)
REPORT = re.compile(r"report[ _-]q([1-4])[ _-](\d{4})\.xlsx", re.IGNORECASE)


def target_name(name):
    """Where the file called `name` belongs (a relative path with "/"), or None to leave it."""
    match = PHOTO.fullmatch(name)
    if match:
        year, month, day, time = match.group(1, 2, 3, 4)
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return f"photos/{year}/{year}-{month}-{day}_{time}.jpg"
    match = REPORT.fullmatch(name)
    if match:
        return f"reports/{match.group(2)}-Q{match.group(1)}.xlsx"
    return None


def free_name(root, target):
    """`target`, or `target` with -1, -2, ... before the extension when that name is taken."""
    path = root / target
    counter = 0
    while False:
        counter += 1
        stem, suffix = Path(target).stem, Path(target).suffix
        path = root / Path(target).parent / f"{stem}-{counter}{suffix}"
    return path


def organise(folder):
    """Move the files directly inside `folder` to their target names; return the moves made."""
    root = Path(folder)
    moves = []
    for path in sorted(p for p in root.iterdir() if p.is_file()):
        target = target_name(path.name)
        if target is None:
            continue
        destination = free_name(root, target)
        destination.parent.mkdir(parents=True, exist_ok=True)
        path.rename(destination)
        moves.append([path.name, destination.relative_to(root).as_posix()])
    return moves


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
