from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

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
    with SessionLocal() as session:
        yield session


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=1000)
    priority: int = Field(default=3, ge=1, le=5)
    done: bool = False


class TaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    description: str
    priority: int
    done: bool


class TaskPage(BaseModel):
    items: list[TaskOut]
    total: int
    limit: int
    offset: int


app = FastAPI()
SessionDep = Annotated[Session, Depends(get_session)]


@app.post("/tasks", status_code=status.HTTP_201_CREATED)
def create_task(data: TaskIn, session: SessionDep) -> TaskOut:
    if session.scalar(select(Task.id).where(Task.title == data.title)) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Title taken")
    task = Task(**data.model_dump())
    session.add(task)
    session.commit()
    return task


@app.get("/tasks/{task_id}")
def read_task(task_id: int, session: SessionDep) -> TaskOut:
    task = session.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Task not found")
    return task


SORTS = {"id": Task.id, "title": Task.title, "priority": Task.priority}
Sort = Literal["id", "-id", "title", "-title", "priority", "-priority"]


@app.get("/tasks")
def list_tasks(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    done: bool | None = None,
    priority: Annotated[int | None, Query(ge=1, le=5)] = None,
    q: str | None = None,
    sort: Sort = "id",
) -> TaskPage:
    query = select(Task)
    if done is not None:
        query = query.where(Task.done == done)
    if priority is not None:
        query = query.where(Task.priority == priority)
    if q is not None:
        query = query.where(Task.title.contains(q, autoescape=True))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    column = SORTS[sort.removeprefix("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    page = session.scalars(query.order_by(order, Task.id).limit(limit).offset(offset)).all()
    return TaskPage(items=page, total=total, limit=limit, offset=offset)
