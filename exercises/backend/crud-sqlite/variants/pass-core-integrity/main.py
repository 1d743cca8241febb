from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Path, Response
from pydantic import BaseModel, Field
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, create_engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
metadata = MetaData()
tasks = Table(
    "tasks", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(100), unique=True, nullable=False),
    Column("description", String(1000), nullable=False, default=""),
    Column("priority", Integer, nullable=False, default=3),
    Column("done", Boolean, nullable=False, default=False),
)
metadata.create_all(engine)


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=1000)
    priority: int = Field(default=3, ge=1, le=5)
    done: bool = False


class TaskPatch(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=1000)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None


class TaskOut(BaseModel):
    id: int
    title: str
    description: str
    priority: int
    done: bool


TaskId = Annotated[int, Path()]
router = APIRouter(prefix="/tasks")


def fetch(connection, task_id: int) -> TaskOut:
    row = connection.execute(select(tasks).where(tasks.c.id == task_id)).mappings().first()
    if row is None:
        raise HTTPException(404, "no such task")
    return TaskOut(**row)


def write(statement):
    """Run an INSERT/UPDATE in its own transaction; a title taken by another task is a 409."""
    try:
        with engine.begin() as connection:
            return connection.execute(statement)
    except IntegrityError:
        raise HTTPException(409, "title already used") from None


@router.get("")
def list_all() -> list[TaskOut]:
    with engine.connect() as connection:
        return [TaskOut(**r) for r in connection.execute(select(tasks).order_by(tasks.c.id)).mappings()]


@router.post("", status_code=201)
def create(body: TaskIn) -> TaskOut:
    result = write(insert(tasks).values(**body.model_dump()))
    with engine.connect() as connection:
        return fetch(connection, result.inserted_primary_key[0])


@router.get("/{task_id}")
def read(task_id: TaskId) -> TaskOut:
    with engine.connect() as connection:
        return fetch(connection, task_id)


def change(task_id: int, values: dict) -> TaskOut:
    with engine.connect() as connection:
        fetch(connection, task_id)
    if values:
        write(update(tasks).where(tasks.c.id == task_id).values(**values))
    with engine.connect() as connection:
        return fetch(connection, task_id)


@router.put("/{task_id}")
def replace(task_id: TaskId, body: TaskIn) -> TaskOut:
    return change(task_id, body.model_dump())


@router.patch("/{task_id}")
def patch(task_id: TaskId, body: TaskPatch) -> TaskOut:
    return change(task_id, {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None})


@router.delete("/{task_id}", status_code=204)
def remove(task_id: TaskId) -> Response:
    with engine.begin() as connection:
        if connection.execute(delete(tasks).where(tasks.c.id == task_id)).rowcount == 0:
            raise HTTPException(404, "no such task")
    return Response(status_code=204)


app = FastAPI()
app.include_router(router)
