from fastapi import FastAPI
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


# TODO: a pagination dependency (skip >= 0, default 0; limit from 1 to 50, default 10).
# TODO: a dependency that reads the X-API-Key header and answers with the client's name
#       (401 when the header is missing, 403 when the key is unknown).


@app.get("/books")
def list_books() -> dict:
    # TODO: paginate: {"items": [...], "total": ..., "skip": ..., "limit": ...}
    return {"items": BOOKS, "total": len(BOOKS)}


# TODO: GET /me          -> {"client": "<name>"}                   (needs a key)
# TODO: POST /books      -> 201 and the new book, added_by the client (needs a key)
# TODO: GET /books/mine  -> the client's own books, paginated like GET /books (needs a key)
