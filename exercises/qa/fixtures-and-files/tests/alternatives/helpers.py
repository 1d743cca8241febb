"""A small note store kept in a JSON file, read and written by helper functions."""

import json
import os

_ENCODER = json.JSONEncoder(indent=2, sort_keys=True)


def _read_notes(path):
    """The notes saved at `path`, or none when there is no file there yet."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return json.loads(text)


def _write_notes(path, notes):
    """Write `notes` beside `path` first, then move that file over `path`."""
    scratch = path + ".tmp"
    handle = open(scratch, "w", encoding="utf-8")
    try:
        with handle:
            for chunk in _ENCODER.iterencode(notes):
                handle.write(chunk)
    except BaseException:
        os.remove(scratch)
        raise
    os.replace(scratch, path)


def _check_new_title(notes, title):
    """Refuse a blank title, and a title that `notes` already has."""
    blank = not title.strip()
    if blank:
        raise ValueError("a note needs a title")
    if title in notes:
        raise ValueError(f"a note called {title!r} exists already")


class NoteStore:
    """Notes by title, saved to the JSON file at `path` after every change."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.notes = _read_notes(self.path)

    def add(self, title, text):
        """Add a note; ValueError if the title is blank or a note with this title exists."""
        _check_new_title(self.notes, title)
        self.notes[title] = text
        _write_notes(self.path, self.notes)

    def get(self, title):
        """The note's text; KeyError if there is no such note."""
        notes = self.notes
        return notes[title]

    def delete(self, title):
        """Remove a note; KeyError if there is no such note."""
        del self.notes[title]
        _write_notes(self.path, self.notes)

    def titles(self):
        """The titles, sorted alphabetically."""
        titles = list(self.notes)
        titles.sort()
        return titles
