from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, status
from pydantic import BaseModel, Field

app = FastAPI()

# Which client each API key belongs to.
API_KEYS = {"alice-key-1": "alice", "bob-key-2": "bob"}


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    year: int = Field(ge=0, le=2100)


class Book(BookIn):
    id: int
    added_by: str


BOOKS: list[Book] = [
    Book(id=i, title=title, author=author, year=year, added_by="library")
    for i, (title, author, year) in enumerate(
        [
            ("Pride and Prejudice", "Jane Austen", 1813),
            ("Frankenstein", "Mary Shelley", 1818),
            ("Moby-Dick", "Herman Melville", 1851),
            ("Madame Bovary", "Gustave Flaubert", 1857),
            ("Great Expectations", "Charles Dickens", 1861),
            ("Crime and Punishment", "Fyodor Dostoevsky", 1866),
            ("War and Peace", "Leo Tolstoy", 1869),
            ("Middlemarch", "George Eliot", 1871),
            ("Anna Karenina", "Leo Tolstoy", 1878),
            ("The Brothers Karamazov", "Fyodor Dostoevsky", 1880),
            ("Dracula", "Bram Stoker", 1897),
            ("Heart of Darkness", "Joseph Conrad", 1899),
        ],
        start=1,
    )
]


@dataclass
class Page:
    skip: int
    limit: int

    def of(self, books: list[Book]) -> dict:
        return {
            "items": books[self.skip + 1 : self.skip + 1 + self.limit],
            "total": len(books),
            "skip": self.skip,
            "limit": self.limit,
        }


def pagination(
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Page:
    return Page(skip=skip, limit=limit)


def current_client(x_api_key: Annotated[str | None, Header()] = None) -> str:
    if x_api_key is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Send your key in the X-API-Key header")
    client = API_KEYS.get(x_api_key)
    if client is None:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Unknown API key")
    return client


PageDep = Annotated[Page, Depends(pagination)]
ClientDep = Annotated[str, Depends(current_client)]


@app.get("/books")
def list_books(page: PageDep) -> dict:
    return page.of(BOOKS)


@app.get("/me")
def me(client: ClientDep) -> dict:
    return {"client": client}


@app.post("/books", status_code=status.HTTP_201_CREATED)
def add_book(book: BookIn, client: ClientDep) -> Book:
    new = Book(id=len(BOOKS) + 1, added_by=client, **book.model_dump())
    BOOKS.append(new)
    return new


@app.get("/books/mine")
def my_books(page: PageDep, client: ClientDep) -> dict:
    return page.of([book for book in BOOKS if book.added_by == client])
