import json

import pytest

from notes import NoteStore


@pytest.fixture
def path(tmp_path):
    return tmp_path / "notes.json"


@pytest.fixture
def store(path):
    return NoteStore(path)


def test_a_new_store_is_empty_and_writes_nothing(store, path):
    assert store.titles() == []
    assert not path.exists()


def test_add_then_get(store):
    store.add("groceries", "milk, eggs")
    assert store.get("groceries") == "milk, eggs"


def test_titles_are_sorted(store):
    store.add("zebra", "z")
    store.add("apple", "a")
    assert store.titles() == ["apple", "zebra"]


def test_a_duplicate_title_is_refused_and_the_first_note_kept(store):
    store.add("todo", "first")
    with pytest.raises(ValueError):
        store.add("todo", "second")
    assert store.get("todo") == "first"


def test_notes_are_saved_to_the_file_as_json(store, path):
    store.add("todo", "write tests")
    assert json.loads(path.read_text(encoding="utf-8")) == {"todo": "write tests"}


def test_only_the_notes_file_is_left_in_the_folder(store, tmp_path):
    store.add("todo", "write tests")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


def test_a_reopened_store_has_the_saved_notes(store, path):
    store.add("todo", "write tests")
    assert NoteStore(path).get("todo") == "write tests"


def test_a_deleted_note_stays_deleted_after_reopening(store, path):
    store.add("todo", "write tests")
    store.delete("todo")
    assert NoteStore(path).titles() == []


def test_deleting_a_missing_note_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.delete("nothing")
