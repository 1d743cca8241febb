"""Another correct implementation of the same Todo API, written differently from main.py.

Ids are picked differently (the first todo is not 1), and the list is kept in a list.
"""
import itertools

from fastapi import APIRouter, FastAPI, HTTPException, Response
from pydantic import BaseModel, Field


class NewTodo(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    priority: int = Field(default=3, ge=1, le=5)


class Changes(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=100)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None


rows: list[dict] = []
ids = itertools.count(101, 7)
router = APIRouter(prefix="/todos")


def lookup(todo_id: int) -> dict:
    for row in rows:
        if row["id"] == todo_id:
            return row
    raise HTTPException(404, "no such todo")


@router.post("", status_code=201)
def add(todo: NewTodo) -> dict:
    row = {"id": next(ids), "title": todo.title, "priority": todo.priority, "done": False}
    rows.append(row)
    return row


@router.get("")
def everything() -> list[dict]:
    return rows


@router.get("/{todo_id}")
def one(todo_id: int) -> dict:
    return lookup(todo_id)


@router.patch("/{todo_id}")
def change(todo_id: int, changes: Changes) -> dict:
    row = lookup(todo_id)
    row.update({k: v for k, v in changes.model_dump(exclude_unset=True).items() if v is not None})
    return row


@router.delete("/{todo_id}")
def remove(todo_id: int) -> Response:
    rows.remove(lookup(todo_id))
    return Response(status_code=204)


app = FastAPI(title="Todo API")
app.include_router(router)
