"""A Todo API."""
import itertools
from dataclasses import asdict, dataclass, replace

from fastapi import FastAPI, HTTPException
from fastapi.responses import Response
from pydantic import BaseModel, Field


@dataclass(frozen=True)
class Todo:
    id: int
    title: str
    priority: int
    done: bool = False


class Create(BaseModel):
    title: str = Field(max_length=100)
    priority: int = Field(default=3, ge=1, le=5)


class Update(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=100)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None


app = FastAPI(title="Todo API")
store: dict[int, Todo] = {}
new_id = itertools.count(5003, 11).__next__


def existing(todo_id: int) -> Todo:
    todo = store.get(todo_id)
    if todo is None:
        raise HTTPException(status_code=404, detail=f"todo {todo_id} does not exist")
    return todo


@app.post("/todos", status_code=201)
async def create(body: Create) -> dict:
    todo = Todo(id=new_id(), title=body.title, priority=body.priority)
    store[todo.id] = todo
    return asdict(todo)


@app.get("/todos")
async def list_all() -> list[dict]:
    return [asdict(todo) for todo in sorted(store.values(), key=lambda t: t.id)]


@app.get("/todos/{todo_id}")
async def read(todo_id: int) -> dict:
    return asdict(existing(todo_id))


@app.patch("/todos/{todo_id}")
async def update(todo_id: int, body: Update) -> dict:
    sent = {name: value for name, value in body.model_dump(exclude_unset=True).items() if value is not None}
    store[todo_id] = replace(existing(todo_id), **sent)
    return asdict(store[todo_id])


@app.delete("/todos/{todo_id}")
async def delete(todo_id: int) -> Response:
    existing(todo_id)
    del store[todo_id]
    return Response(status_code=204)
