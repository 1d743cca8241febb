import sqlite3

from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    year: Mapped[int]
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    author: Mapped["Author"] = relationship(back_populates="books")


def make_engine(db_path):
    """An Engine for the SQLite file `db_path`, with the tables created."""
    engine = create_engine("sqlite:///" + db_path)
    Base.metadata.create_all(engine)
    return engine


def add_books(db_path, records):
    """Add the books in `records`, creating each author once; return how many books were added."""
    engine = make_engine(db_path)
    with Session(engine) as session:
        for record in records:
            author = session.scalars(select(Author).where(Author.name == record["author"])).first()
            if author is None:
                author = Author(name=record["author"])
                session.add(author)
            session.add(Book(title=record["title"], year=record["year"], author=author))
            session.commit()
    return len(records)


def books_by_author(db_path):
    """[(author, number_of_books, first_year)] for every author, most books first, then by name."""
    engine = make_engine(db_path)
    with Session(engine) as session:
        rows = session.execute(
            select(Author.name, func.count(Book.id), func.min(Book.year))
            .join(Book)
            .group_by(Author.id)
            .order_by(func.count(Book.id).desc(), Author.name)
        ).all()
    return [tuple(row) for row in rows]


def titles_after(db_path, year):
    """Titles of the books published after `year`, oldest first, then by title."""
    engine = make_engine(db_path)
    with Session(engine) as session:
        return list(session.scalars(select(Book.title).where(Book.year > year).order_by(Book.year, Book.title)))


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside the database with plain sqlite3).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
