import calendar
import os
import shutil
from pathlib import Path

SEPARATORS = " _-"


def _photo(name):
    lower = name.lower()
    for ext in (".jpg", ".jpeg"):
        if lower.endswith(ext):
            stem = name[: -len(ext)]
            break
    else:
        return None
    if len(stem) != 19 or stem[:4].lower() != "img_" or stem[12] != "_":
        return None
    date, time = stem[4:12], stem[13:]
    if not (date.isascii() and date.isdigit() and time.isascii() and time.isdigit()):
        return None
    year, month, day = int(date[:4]), int(date[4:6]), int(date[6:])
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]) or year < 1:
        return None
    return f"photos/{date[:4]}/{date[:4]}-{date[4:6]}-{date[6:]}_{time}.jpg"


def _report(name):
    # report<sep>q<N><sep><YYYY>.xlsx
    if len(name) != len("report q1 2024.xlsx") or name[-5:].lower() != ".xlsx":
        return None
    if name[:6].lower() != "report" or name[6] not in SEPARATORS or name[7] not in "qQ":
        return None
    quarter, sep, year = name[8], name[9], name[10:14]
    if quarter not in "1234" or sep not in SEPARATORS or not (year.isascii() and year.isdigit()):
        return None
    return f"reports/{year}-Q{quarter}.xlsx"


def target_name(name):
    return _photo(name) or _report(name)


def organise(folder):
    moves = []
    for name in sorted(os.listdir(folder)):
        source = os.path.join(folder, name)
        if not os.path.isfile(source):
            continue
        target = target_name(name)
        if target is None:
            continue
        base, ext = os.path.splitext(target)
        candidate, n = target, 0
        while os.path.exists(os.path.join(folder, candidate)):
            n += 1
            candidate = f"{base}-{n}{ext}"
        os.makedirs(os.path.dirname(os.path.join(folder, candidate)), exist_ok=True)
        shutil.move(source, os.path.join(folder, candidate))
        moves.append([name, candidate])
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
