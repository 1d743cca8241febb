import sqlite3

from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped[Author] = relationship(back_populates="books")


def make_engine(db_path):
    """An Engine for the SQLite file `db_path`, with the tables created."""
    engine = create_engine(f"sqlite:///{db_path}")
    Base.metadata.create_all(engine)
    return engine


def add_books(db_path, records):
    """Add the books in `records`, creating each author once; return how many books were added."""
    engine = make_engine(db_path)
    with Session(engine) as session, session.begin():
        authors = {}
        for record in records:
            name = record["author"]
            author = authors.get(name)
            if author is None:
                author = session.scalar(select(Author).where(Author.name == name))
                if author is None:
                    author = Author(name=name)
                    session.add(author)
                authors[name] = author
            session.add(Book(title=record["title"], year=record["year"], author=author))
    engine.dispose()
    return len(records)


def books_by_author(db_path):
    """[(author, number_of_books, first_year)] for every author, most books first, then by name."""
    engine = make_engine(db_path)
    count = func.count(Book.id)
    statement = (
        select(Author.name, count, func.min(Book.year))
        .outerjoin(Book, Book.author_id == Author.id)
        .group_by(Author.id, Author.name)
        .order_by(count.desc(), Author.name)
    )
    with Session(engine) as session:
        rows = [tuple(row) for row in session.execute(statement)]
    engine.dispose()
    return rows


def titles_after(db_path, year):
    """Titles of the books published after `year`, oldest first, then by title."""
    engine = make_engine(db_path)
    statement = select(Book.title).where(Book.year > year).order_by(Book.year, Book.title)
    with Session(engine) as session:
        titles = list(session.scalars(statement))
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
