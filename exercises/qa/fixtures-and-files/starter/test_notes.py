from notes import NoteStore


def test_a_new_store_is_empty(tmp_path):
    store = NoteStore(tmp_path / "notes.json")
    assert store.titles() == []


# Write a fixture for the setup your tests repeat, then test saving, reopening and the errors.
