import pytest

from notes import NoteStore


@pytest.fixture
def store(tmp_path):
    return NoteStore(tmp_path / "notes.json")


def test_reopen(store, tmp_path):
    store.add("todo", "x")
    assert NoteStore(tmp_path / "notes.json").get("todo") == "x"


def test_deleted_note_is_gone(store):
    store.add("todo", "x")
    store.delete("todo")
    assert store.get("todo") is None
