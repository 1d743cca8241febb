import pytest

from notes import NoteStore


@pytest.fixture
def store(tmp_path):
    return NoteStore(tmp_path / "notes.json")


def test_add_then_get(store):
    store.add("groceries", "milk")
    assert store.get("groceries") == "milk"


def test_titles_are_sorted(store):
    store.add("b", "2")
    store.add("a", "1")
    assert store.titles() == ["a", "b"]


def test_duplicate_title(store):
    store.add("todo", "first")
    with pytest.raises(ValueError):
        store.add("todo", "second")


def test_delete(store):
    store.add("todo", "x")
    store.delete("todo")
    assert store.titles() == []
