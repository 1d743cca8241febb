import json

import pytest

import notes


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a store that writes into the current folder would write here
    work = tmp_path / "data"
    work.mkdir()
    yield work
    # teardown: whatever a test did, the store must leave nothing but its own file
    assert {p.name for p in work.iterdir()} <= {"notes.json"}
    assert not (tmp_path / "notes.json").exists()


class TestNoteStore:
    def open(self, folder):
        return notes.NoteStore(str(folder / "notes.json"))

    def test_round_trip(self, folder):
        first = self.open(folder)
        first.add("b", "2")
        first.add("a", "1")
        first.delete("b")
        second = self.open(folder)
        assert second.titles() == ["a"]
        assert json.loads((folder / "notes.json").read_text()) == {"a": "1"}

    def test_sorted(self, folder):
        store = self.open(folder)
        for title in ["c", "a", "b"]:
            store.add(title, title)
        assert store.titles() == ["a", "b", "c"]

    def test_no_overwrite(self, folder):
        store = self.open(folder)
        store.add("x", "old")
        with pytest.raises(ValueError):
            store.add("x", "new")
        assert self.open(folder).get("x") == "old"
