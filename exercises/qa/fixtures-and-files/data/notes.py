"""A small note store kept in a JSON file."""

import json
import os


class NoteStore:
    """Notes by title, saved to the JSON file at `path` after every change.

    A store opened on a path that does not exist yet starts empty and creates the file at the
    first change; a store opened on an existing file starts with the notes saved in it. The file
    holds one JSON object, {title: text}. Each save writes a temporary file first and then moves
    it over the notes file, so a crash never leaves half a file; no temporary file is left behind.
    """

    def __init__(self, path):
        self.path = os.fspath(path)
        self.notes = {}
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as stream:
                self.notes = json.load(stream)

    def add(self, title, text):
        """Add a note; ValueError if the title is blank or a note with this title exists."""
        if not title.strip():
            raise ValueError("a note needs a title")
        if title in self.notes:
            raise ValueError(f"a note called {title!r} exists already")
        self.notes[title] = text
        self._save()

    def get(self, title):
        """The note's text; KeyError if there is no such note."""
        return self.notes[title]

    def delete(self, title):
        """Remove a note; KeyError if there is no such note."""
        del self.notes[title]
        self._save()

    def titles(self):
        """The titles, sorted alphabetically."""
        return sorted(self.notes)

    def _save(self):
        temporary = self.path + ".tmp"
        try:
            with open(temporary, "w", encoding="utf-8") as stream:
                json.dump(self.notes, stream, indent=2, sort_keys=True)
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):  # the save failed: its half-written file goes too
                os.remove(temporary)
