import sqlite3
from typing import List

from sqlalchemy import ForeignKey, Integer, Text, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False, unique=True)
    books: Mapped[List["Book"]] = relationship("Book", back_populates="author")


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), nullable=False)
    author: Mapped["Author"] = relationship("Author", back_populates="books")


def make_engine(db_path):
    """An Engine for the SQLite file `db_path`, with the tables created."""
    engine = create_engine("sqlite:///" + db_path)
    Base.metadata.create_all(engine, checkfirst=True)
    return engine


def _sessions(db_path):
    engine = make_engine(db_path)
    return engine, sessionmaker(bind=engine, expire_on_commit=False)


def add_books(db_path, records):
    """Add the books in `records`, creating each author once; return how many books were added."""
    engine, Session = _sessions(db_path)
    session = Session()
    try:
        names = {record["author"] for record in records}
        authors = {a.name: a for a in session.scalars(select(Author).where(Author.name.in_(names)))}
        for record in records:
            if record["author"] not in authors:
                authors[record["author"]] = Author(name=record["author"])
            author = authors[record["author"]]
            author.books.append(Book(title=record["title"], year=record["year"]))
        session.add_all(authors.values())
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        engine.dispose()
    return len(records)


def books_by_author(db_path):
    """[(author, number_of_books, first_year)] for every author, most books first, then by name."""
    engine, Session = _sessions(db_path)
    books = func.count(Book.id).label("books")
    statement = (select(Author.name, books, func.min(Book.year))
                 .select_from(Book).join(Book.author)
                 .group_by(Author.id)
                 .order_by(books.desc(), Author.name))
    with Session() as session:
        rows = [(name, count, first) for name, count, first in session.execute(statement)]
    engine.dispose()
    return rows


def titles_after(db_path, year):
    """Titles of the books published after `year`, oldest first, then by title."""
    engine, Session = _sessions(db_path)
    with Session() as session:
        books = session.scalars(select(Book).where(Book.year > year).order_by(Book.year, Book.title)).all()
        titles = [book.title for book in books]
    engine.dispose()
    return titles


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside the database with plain sqlite3).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
