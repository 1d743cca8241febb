from fastapi import FastAPI, HTTPException, status
from pydantic import BaseModel, Field

app = FastAPI(title="Todo API")


class TodoIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    priority: int = Field(default=3, ge=1, le=5)


class TodoPatch(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=100)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None


class Todo(BaseModel):
    id: int
    title: str
    priority: int
    done: bool = False


todos: dict[int, Todo] = {}
next_id = 1


def find(todo_id: int) -> Todo:
    if todo_id not in todos:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Todo not found")
    return todos[todo_id]


@app.post("/todos", status_code=status.HTTP_201_CREATED)
def create_todo(data: TodoIn) -> Todo:
    global next_id
    todo = Todo(id=next_id, **data.model_dump())
    todos[todo.id] = todo
    next_id += 1
    return todo


@app.get("/todos")
def list_todos() -> list[Todo]:
    return list(todos.values())


@app.get("/todos/{todo_id}")
def read_todo(todo_id: int) -> Todo:
    return find(todo_id)


@app.patch("/todos/{todo_id}")
def update_todo(todo_id: int, changes: TodoPatch) -> Todo:
    todo = find(todo_id)
    updated = todo.model_copy(update=changes.model_dump(exclude_unset=True, exclude_none=True))
    todos[todo_id] = updated
    return updated


@app.delete("/todos/{todo_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_todo(todo_id: int) -> None:
    find(todo_id)
    del todos[todo_id]
