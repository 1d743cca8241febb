import itertools

import pytest
from gradekit.remote import LearnerError

COUNTER = itertools.count(1)

SHELF = [
    {"title": "Kindred", "year": 1979, "author": "Octavia E. Butler"},
    {"title": "Beloved", "year": 1987, "author": "Toni Morrison"},
    {"title": "Parable of the Sower", "year": 1993, "author": "Octavia E. Butler"},
    {"title": "Sula", "year": 1973, "author": "Toni Morrison"},
    {"title": "Dawn", "year": 1987, "author": "Octavia E. Butler"},
    {"title": "Solaris", "year": 1961, "author": "Stanisław Lem"},
    {"title": "Jazz", "year": 1992, "author": "Toni Morrison"},
]


def db():
    return f"lib_{next(COUNTER)}.db"


def columns(submission, path, table):
    return {row[1]: row for row in submission.query(path, f"PRAGMA table_info({table})")}


def test_engine(submission):
    """make_engine() returns an SQLAlchemy Engine and creates both tables"""
    path = db()
    engine = submission.make_engine(path)
    assert getattr(engine, "type_name", type(engine).__name__) == "Engine", (
        "make_engine() must return the Engine made by sqlalchemy.create_engine"
    )
    tables = {name for (name,) in submission.query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"authors", "books"} <= tables, "make_engine() must create the tables authors and books (create_all)"


@pytest.mark.points(2)
def test_schema(submission):
    """The tables have the required columns, keys and constraints"""
    path = db()
    submission.make_engine(path)
    authors, books = columns(submission, path, "authors"), columns(submission, path, "books")
    assert {"id", "name"} <= set(authors), "authors needs the columns id and name"
    assert {"id", "title", "year", "author_id"} <= set(books), "books needs the columns id, title, year and author_id"
    assert authors["id"][5] == 1 and books["id"][5] == 1, "id must be the primary key of both tables"
    loose = [f"{t}.{c}" for t, cols, names in (("authors", authors, ["name"]), ("books", books, ["title", "year", "author_id"]))
             for c in names if cols[c][3] != 1]
    assert not loose, f"{loose[0] if loose else ''} must be required (NOT NULL): use a non-Optional Mapped[...] type"
    keys = submission.query(path, "PRAGMA foreign_key_list(books)")
    assert any(k[2] == "authors" and k[3] == "author_id" and k[4] == "id" for k in keys), (
        "books.author_id must be a ForeignKey('authors.id')"
    )
    unique = [idx for idx in submission.query(path, "PRAGMA index_list(authors)") if idx[2] == 1]
    unique_columns = [submission.query(path, f"PRAGMA index_info('{idx[1]}')") for idx in unique]
    assert any([c[2] for c in cols] == ["name"] for cols in unique_columns), "authors.name must be unique"


@pytest.mark.points(2)
def test_authors_once(submission):
    """Each author is stored once, across one and several calls"""
    path = db()
    assert submission.add_books(path, SHELF[:4]) == 4, "add_books() must return the number of books it added"
    assert submission.add_books(path, SHELF[4:]) == 3, "add_books() must return the number of books it added"
    authors = submission.query(path, "SELECT name FROM authors ORDER BY name")
    assert authors == [("Octavia E. Butler",), ("Stanisław Lem",), ("Toni Morrison",)], (
        "each author must be stored exactly once: look the author up (and remember the ones created earlier in "
        "the same batch) before creating a new one"
    )
    links = submission.query(path, "SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id "
                                   "ORDER BY b.title")
    expected = sorted((b["title"], b["author"]) for b in SHELF)
    assert links == expected, "every book must be stored and linked to its author"


@pytest.mark.points(2)
def test_books_by_author(submission):
    """books_by_author() counts books and finds each author's first year"""
    path = db()
    submission.add_books(path, SHELF)
    got = submission.books_by_author(path)
    assert isinstance(got, list), "books_by_author() must return a list of rows"
    got = [tuple(row) for row in got]
    assert got == [("Octavia E. Butler", 3, 1979), ("Toni Morrison", 3, 1973), ("Stanisław Lem", 1, 1961)], (
        "books_by_author() is wrong; count each author's books, take the minimum year, and sort by number of "
        "books (most first), then by name"
    )


@pytest.mark.points(2)
def test_titles_after(submission):
    """titles_after() keeps books published after the year, sorted by year then title"""
    path = db()
    submission.add_books(path, SHELF)
    assert submission.titles_after(path, 1979) == ["Beloved", "Dawn", "Jazz", "Parable of the Sower"], (
        "titles_after(db, 1979) is wrong; keep years strictly after 1979 and sort by year, then title"
    )
    assert submission.titles_after(path, 2000) == [], "titles_after() of a year after every book must be []"
    assert submission.titles_after(path, 0) == ["Solaris", "Sula", "Kindred", "Beloved", "Dawn", "Jazz",
                                                "Parable of the Sower"], "titles_after(db, 0) must list every book"


@pytest.mark.points(3)
def test_all_or_nothing(submission):
    """A batch with a bad record stores nothing"""
    path = db()
    submission.add_books(path, SHELF[:2])
    batch = [{"title": "Ubik", "year": 1969, "author": "Philip K. Dick"},
             {"title": None, "year": 1970, "author": "Nobody Yet"}]
    try:
        submission.add_books(path, batch)
    except (LearnerError, ValueError, TypeError, KeyError):
        pass
    else:
        raise AssertionError("add_books() accepted a book without a title; title must be NOT NULL")
    books = submission.query(path, "SELECT COUNT(*) FROM books")[0][0]
    authors = submission.query(path, "SELECT COUNT(*) FROM authors")[0][0]
    assert (books, authors) == (2, 2), (
        "after a failed batch the database must be exactly as before: add the whole batch in one transaction "
        "(one Session with session.begin(), or a single commit at the end)"
    )


def test_empty_batch(submission):
    """add_books() of an empty list adds nothing"""
    path = db()
    assert submission.add_books(path, []) == 0, "add_books([]) must return 0"
    assert submission.books_by_author(path) == [], "books_by_author() of an empty library must be []"
