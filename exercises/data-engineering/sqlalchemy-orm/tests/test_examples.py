BOOKS = [
    {"title": "Dune", "year": 1965, "author": "Frank Herbert"},
    {"title": "Emma", "year": 1815, "author": "Jane Austen"},
    {"title": "Persuasion", "year": 1817, "author": "Jane Austen"},
]


def test_add_and_report(submission):
    """add_books() then books_by_author() on the example"""
    assert submission.add_books("example.db", BOOKS) == 3
    assert submission.add_books("example.db", [{"title": "Sense and Sensibility", "year": 1811,
                                                "author": "Jane Austen"}]) == 1
    assert submission.books_by_author("example.db") == [("Jane Austen", 3, 1811), ("Frank Herbert", 1, 1965)]
    assert submission.query("example.db", "SELECT COUNT(*) FROM authors") == [(2,)]
