from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

# The database is the file app.db next to this file. check_same_thread=False lets FastAPI's
# worker threads share SQLite connections (each request still gets its own session).
engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(String(1000), default="")
    priority: Mapped[int] = mapped_column(default=3)
    done: Mapped[bool] = mapped_column(default=False)


Base.metadata.create_all(engine)


def get_session() -> Iterator[Session]:
    """A database session for one request, closed when the request is done."""
    with SessionLocal() as session:
        yield session


class TaskIn(BaseModel):
    """What POST and PUT take."""

    title: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=1000)
    priority: int = Field(default=3, ge=1, le=5)
    done: bool = False


class TaskPatch(BaseModel):
    """What PATCH takes: every field is optional."""

    title: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=1000)
    priority: int | None = Field(default=None, ge=1, le=5)
    done: bool | None = None


class TaskOut(BaseModel):
    """What every endpoint answers; from_attributes lets it read an ORM object."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str
    priority: int
    done: bool


app = FastAPI()
SessionDep = Annotated[Session, Depends(get_session)]


def find_task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"Task {task_id} not found")
    return task


def ensure_title_free(session: Session, title: str, task_id: int | None = None) -> None:
    query = select(Task.id).where(Task.title == title)
    if task_id is not None:
        query = query.where(Task.id != task_id)
    if session.scalar(query) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=f"A task titled {title!r} exists already")


@app.get("/tasks")
def list_tasks(session: SessionDep) -> list[TaskOut]:
    return session.scalars(select(Task).order_by(Task.id)).all()


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(data: TaskIn, session: SessionDep) -> TaskOut:
    ensure_title_free(session, data.title)
    task = Task(**data.model_dump())
    session.add(task)
    session.commit()
    return task


@app.get("/tasks/{task_id}")
def read_task(task_id: int, session: SessionDep) -> TaskOut:
    return find_task(session, task_id)


@app.put("/tasks/{task_id}")
def replace_task(task_id: int, data: TaskIn, session: SessionDep) -> TaskOut:
    task = find_task(session, task_id)
    ensure_title_free(session, data.title, task_id)
    for field, value in data.model_dump().items():
        setattr(task, field, value)
    session.flush()
    return task


@app.patch("/tasks/{task_id}")
def update_task(task_id: int, changes: TaskPatch, session: SessionDep) -> TaskOut:
    task = find_task(session, task_id)
    fields = changes.model_dump(exclude_unset=True, exclude_none=True)
    if "title" in fields:
        ensure_title_free(session, fields["title"], task_id)
    for field, value in fields.items():
        setattr(task, field, value)
    session.commit()
    return task


@app.delete("/tasks/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task_id: int, session: SessionDep) -> None:
    session.delete(find_task(session, task_id))
    session.commit()
