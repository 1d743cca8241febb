"""Practice folders for the safe-paths exercise. The tests build one with `build()`.

Read this file to see every trap the tests set. Don't change it (it is read-only anyway).

    root/
        secret.txt                    "TOP SECRET" - must never be reachable
        outside/                      an empty folder outside base
        base_evil/loot.txt            a sibling whose name starts with "base"
        alias -> base                 another way to name the base folder
        base/                         the folder users may touch
            notes.txt
            docs/readme.txt
            docs/deep/file.txt
            docs/up -> ../..          a folder link that climbs back to root
            link_in -> docs/readme.txt             a link that stays inside: fine
            link_out -> ../secret.txt              a link that escapes
            abs_out -> <root>/secret.txt           an absolute link that escapes
            dir_out -> ../outside                  a folder link that escapes
            evil_prefix -> ../base_evil/loot.txt   escapes to a look-alike folder
            dangling_out -> ../nowhere/new.txt     points outside at nothing (yet)
"""

import os
import tempfile


def _write(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def build():
    """Create a fresh practice tree in a new temporary folder; return its paths as a dict of str."""
    root = os.path.realpath(tempfile.mkdtemp(prefix="uploads-"))
    base = os.path.join(root, "base")
    os.makedirs(os.path.join(base, "docs", "deep"))
    os.makedirs(os.path.join(root, "outside"))
    os.makedirs(os.path.join(root, "base_evil"))
    _write(os.path.join(root, "secret.txt"), "TOP SECRET")
    _write(os.path.join(root, "base_evil", "loot.txt"), "loot")
    _write(os.path.join(base, "notes.txt"), "shopping list")
    _write(os.path.join(base, "docs", "readme.txt"), "read me")
    _write(os.path.join(base, "docs", "deep", "file.txt"), "deep file")
    os.symlink("../..", os.path.join(base, "docs", "up"))
    os.symlink("docs/readme.txt", os.path.join(base, "link_in"))
    os.symlink("../secret.txt", os.path.join(base, "link_out"))
    os.symlink(os.path.join(root, "secret.txt"), os.path.join(base, "abs_out"))
    os.symlink("../outside", os.path.join(base, "dir_out"))
    os.symlink("../base_evil/loot.txt", os.path.join(base, "evil_prefix"))
    os.symlink("../nowhere/new.txt", os.path.join(base, "dangling_out"))
    os.symlink("base", os.path.join(root, "alias"))
    return {"root": root, "base": base, "alias": os.path.join(root, "alias"),
            "secret": os.path.join(root, "secret.txt"), "outside": os.path.join(root, "outside")}


def read_bytes(path):
    """The bytes of the file at `path`, or None if there is no such file."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def listdir(path):
    """The sorted names in the folder at `path`, or None if there is no such folder."""
    try:
        return sorted(os.listdir(path))
    except FileNotFoundError:
        return None
