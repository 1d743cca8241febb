import sqlite3

from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# TODO: the Author and Book models (tables "authors" and "books").


def make_engine(db_path):
    """An Engine for the SQLite file `db_path`, with the tables created."""
    # TODO
    raise NotImplementedError


def add_books(db_path, records):
    """Add the books in `records`, creating each author once; return how many books were added."""
    # TODO
    raise NotImplementedError


def books_by_author(db_path):
    """[(author, number_of_books, first_year)] for every author, most books first, then by name."""
    # TODO
    raise NotImplementedError


def titles_after(db_path, year):
    """Titles of the books published after `year`, oldest first, then by title."""
    # TODO
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside the database with plain sqlite3).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
