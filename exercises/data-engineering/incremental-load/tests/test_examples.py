BATCH = [
    {"id": 1, "name": "Oak Desk", "price": 249.0, "updated_at": "2024-05-01T08:00:00"},
    {"id": 2, "name": "Stool", "price": 45.0, "updated_at": "2024-05-01T09:00:00"},
]


def test_first_load(submission):
    """The first load inserts both records"""
    assert submission.incremental_load("example.db", BATCH) == {
        "inserted": 2, "updated": 0, "skipped": 0, "watermark": "2024-05-01T09:00:00"}


def test_same_batch_again(submission):
    """Loading the same batch again skips everything"""
    submission.incremental_load("example2.db", BATCH)
    assert submission.incremental_load("example2.db", BATCH) == {
        "inserted": 0, "updated": 0, "skipped": 2, "watermark": "2024-05-01T09:00:00"}
