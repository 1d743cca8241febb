from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

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


class Paginator:
    """A class as a dependency: FastAPI reads skip and limit from the query string."""

    def __init__(self, skip: int = 0, limit: int = 10) -> None:
        if skip < 0 or not 1 <= limit <= 50:
            raise HTTPException(422, "skip must be 0 or more and limit from 1 to 50")
        self.skip, self.limit = skip, limit

    def page(self, books: list[Book]) -> dict:
        return {"items": books[self.skip:][: self.limit], "total": len(books), "skip": self.skip,
                "limit": self.limit}


async def caller(request: Request) -> str:
    key = request.headers.get("x-api-key")
    if key is None:
        raise HTTPException(401, "missing X-API-Key")
    if key not in API_KEYS:
        raise HTTPException(403, "unknown API key")
    return API_KEYS[key]


router = APIRouter()


@router.get("/books")
def all_books(pages: Paginator = Depends()):
    return pages.page(BOOKS)


@router.get("/me")
def whoami(name: Annotated[str, Depends(caller)]):
    return {"client": name}


@router.post("/books", status_code=201, response_model=Book)
def add(book: BookIn, name: Annotated[str, Depends(caller)]):
    created = Book(id=max(b.id for b in BOOKS) + 1, added_by=name, **book.model_dump())
    BOOKS.append(created)
    return created


@router.get("/books/mine")
def mine(name: Annotated[str, Depends(caller)], pages: Paginator = Depends()):
    return pages.page([b for b in BOOKS if b.added_by == name])


app = FastAPI()
app.include_router(router)
