import itertools

import pytest

COUNTER = itertools.count(1)


def rec(id, name, price, stamp):
    return {"id": id, "name": name, "price": price, "updated_at": f"2024-06-{stamp}"}


DAY1 = [  # not in order
    rec(3, "Arc Lamp", 74.0, "01T12:00:00"),
    rec(1, "Oak Desk", 249.0, "01T08:00:00"),
    rec(4, "Shelf", 59.0, "01T16:30:00"),
    rec(2, "Stool", 45.0, "01T09:15:00"),
    rec(5, "Rug", 120.0, "01T10:00:00"),
]
DAY2 = [
    rec(2, "Stool", 39.0, "02T07:00:00"),         # changed
    rec(6, "Mesh Chair", 189.5, "02T11:00:00"),  # new
    rec(1, "Oak Desk", 249.0, "01T08:00:00"),    # unchanged, already loaded
    rec(4, "Wall Shelf", 65.0, "02T09:00:00"),   # changed
    rec(3, "Arc Lamp", 74.0, "01T12:00:00"),     # unchanged, already loaded
]


def db():
    return f"inc_{next(COUNTER)}.db"


def load(submission, path, batch):
    result = submission.incremental_load(path, batch)
    assert isinstance(result, dict) and set(result) == {"inserted", "updated", "skipped", "watermark"}, (
        "incremental_load() must return a dict with the keys inserted, updated, skipped and watermark"
    )
    return result


def table(submission, path):
    return submission.query(path, "SELECT id, name, price, updated_at FROM products ORDER BY id")


def state(submission, path):
    return submission.query(path, "SELECT value FROM etl_state WHERE name = 'products'")


@pytest.mark.points(2)
def test_first_load(submission):
    """A first load inserts every record and stores the latest timestamp as watermark"""
    path = db()
    result = load(submission, path, DAY1)
    assert result["watermark"] == "2024-06-01T16:30:00", (
        "the watermark must be the LATEST updated_at of the batch (the records are not in order; use max)"
    )
    assert (result["inserted"], result["updated"], result["skipped"]) == (5, 0, 0), (
        "a first load must insert every record"
    )
    assert len(table(submission, path)) == 5, "the products table must hold every record of the first batch"
    assert state(submission, path) == [("2024-06-01T16:30:00",)], (
        "the watermark must be stored in etl_state, in the row named 'products'"
    )


@pytest.mark.points(3)
def test_rerun_is_idempotent(submission):
    """Running the same batch twice changes nothing"""
    path = db()
    load(submission, path, DAY1)
    before = table(submission, path)
    again = load(submission, path, DAY1)
    assert (again["inserted"], again["updated"], again["skipped"]) == (0, 0, 5), (
        "loading the same batch again must skip every record: each one is at or before the watermark"
    )
    assert again["watermark"] == "2024-06-01T16:30:00", "a re-run must keep the watermark"
    assert table(submission, path) == before, "a re-run must not change the products table"
    assert len(state(submission, path)) == 1, "etl_state must hold one row for 'products', not one per run"


@pytest.mark.points(3)
def test_second_batch(submission):
    """A later batch inserts new records, updates changed ones and skips old ones"""
    path = db()
    load(submission, path, DAY1)
    result = load(submission, path, DAY2)
    assert (result["inserted"], result["updated"], result["skipped"]) == (1, 2, 2), (
        "the second batch was counted wrongly: it has a new product, changed ones and ones already loaded; check "
        "how you decide between insert, update and skip"
    )
    assert result["watermark"] == "2024-06-02T11:00:00", "the watermark must move to the batch's latest updated_at"
    rows = {r[0]: r for r in table(submission, path)}
    assert len(rows) == 6, "after two batches the table must hold one row per product (updates must not add rows)"
    assert rows[2][1:] == ("Stool", 39.0, "2024-06-02T07:00:00"), (
        "an updated product must get its new price and timestamp"
    )
    assert rows[4][1:] == ("Wall Shelf", 65.0, "2024-06-02T09:00:00"), "an updated product must get its new name"
    assert state(submission, path) == [("2024-06-02T11:00:00",)], "the stored watermark must move forward"


@pytest.mark.points(2)
def test_late_record_skipped(submission):
    """A record at or before the watermark is skipped even if it is new"""
    path = db()
    load(submission, path, DAY1)
    late = [rec(9, "Late Lamp", 10.0, "01T16:30:00"), rec(8, "Older", 5.0, "01T00:00:01")]
    result = load(submission, path, late)
    assert (result["inserted"], result["skipped"]) == (0, 2), (
        "records whose updated_at is at or before the watermark must be skipped, even with a new id (use <=)"
    )
    assert len(table(submission, path)) == 5, "skipped records must not be written"


def test_watermark_never_goes_back(submission):
    """The watermark never moves backwards, and an empty batch keeps it"""
    path = db()
    load(submission, path, DAY1)
    empty = load(submission, path, [])
    assert empty == {"inserted": 0, "updated": 0, "skipped": 0, "watermark": "2024-06-01T16:30:00"}, (
        "an empty batch must change nothing and return the current watermark"
    )
    fresh = load(submission, db(), [])
    assert fresh == {"inserted": 0, "updated": 0, "skipped": 0, "watermark": None}, (
        "an empty first batch must return watermark None"
    )


@pytest.mark.points(2)
def test_same_id_twice_in_batch(submission):
    """Two versions of one product in a batch: the newest wins"""
    path = db()
    batch = [rec(7, "Lamp v2", 20.0, "03T10:00:00"), rec(7, "Lamp v1", 15.0, "03T09:00:00")]
    result = load(submission, path, batch)
    assert (result["inserted"], result["updated"], result["skipped"]) == (1, 1, 0), (
        "handle the records in order of (updated_at, id): the older version is inserted, then the newer one "
        "updates it"
    )
    assert table(submission, path) == [(7, "Lamp v2", 20.0, "2024-06-03T10:00:00")], (
        "the newest version of a product must win"
    )


def test_same_timestamp_different_ids(submission):
    """Two new products with the same updated_at are both inserted"""
    path = db()
    load(submission, path, DAY1)
    batch = [rec(13, "Desk Mat", 12.0, "08T09:00:00"), rec(12, "Cable Tray", 18.0, "08T09:00:00")]
    result = load(submission, path, batch)
    assert (result["inserted"], result["updated"], result["skipped"]) == (2, 0, 0), (
        "two new records sharing one updated_at must both be inserted: compare each record with the watermark "
        "read at the start of the load, not with one you move while handling the batch"
    )
    assert result["watermark"] == "2024-06-08T09:00:00", "the watermark must move to the batch's latest updated_at"
    assert len(table(submission, path)) == 7, "both new products must be in the table"


def test_exact_duplicate_in_batch(submission):
    """The same record twice in one batch is inserted once and then skipped"""
    path = db()
    batch = [rec(14, "Foot Rest", 33.0, "09T14:00:00"), rec(14, "Foot Rest", 33.0, "09T14:00:00")]
    result = load(submission, path, batch)
    assert (result["inserted"], result["updated"], result["skipped"]) == (1, 0, 1), (
        "the second copy of a record is not newer than the row the first copy stored: it must be skipped, "
        "not counted as an update (update only when the record's updated_at is later than the stored one)"
    )
    assert table(submission, path) == [(14, "Foot Rest", 33.0, "2024-06-09T14:00:00")], (
        "the product must be stored once"
    )


def test_newer_versions_update_in_order(submission):
    """Several newer versions of a stored product update it in order"""
    path = db()
    load(submission, path, [rec(1, "New name", 1.0, "05T10:00:00"), rec(2, "Other", 2.0, "04T00:00:00")])
    result = load(submission, path, [rec(1, "Old name", 9.0, "05T12:00:00"), rec(1, "Older", 8.0, "05T11:00:00")])
    assert (result["inserted"], result["updated"], result["skipped"]) == (0, 2, 0), (
        "two newer versions of a stored product must both update it, oldest first"
    )
    assert table(submission, path)[0] == (1, "Old name", 9.0, "2024-06-05T12:00:00"), (
        "the newest version must be the one stored"
    )


@pytest.mark.points(2)
def test_failed_batch_changes_nothing(submission):
    """A batch that fails part-way leaves the products and the watermark as they were"""
    path = db()
    load(submission, path, DAY1)
    before = (table(submission, path), state(submission, path))
    batch = [rec(10, "Floor Lamp", 80.0, "07T08:00:00"), rec(2, "Stool", 41.0, "07T09:00:00"),
             {"id": 11, "name": None, "price": 3.0, "updated_at": "2024-06-07T10:00:00"}]
    try:
        submission.incremental_load(path, batch)
    except AssertionError:
        raise
    except Exception:  # noqa: BLE001 - any error the learner's code raises is fine here
        pass
    else:
        raise AssertionError("a batch with a record whose name is None loaded without an error; products.name is "
                             "NOT NULL, and the error must reach the caller")
    assert (table(submission, path), state(submission, path)) == before, (
        "a batch that failed part-way left some of its records (or a new watermark) in the database; run the "
        "whole load in one transaction (`with connection:`, one commit at the end) so that an error rolls it "
        "all back"
    )
