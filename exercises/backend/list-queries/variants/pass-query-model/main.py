from collections.abc import Iterator
from typing import Annotated

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
from typing import Literal  # noqa: E402


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


class Listing(BaseModel):
    """The query parameters of GET /tasks, validated together."""

    model_config = ConfigDict(extra="ignore")

    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)
    done: bool | None = None
    priority: int | None = Field(None, ge=1, le=5)
    q: str | None = Field(None, min_length=1, max_length=100)
    sort: Literal["id", "-id", "title", "-title", "priority", "-priority"] = "id"


ORDERS = {
    "id": [Task.id.asc()], "-id": [Task.id.desc()],
    "title": [Task.title.asc(), Task.id.asc()], "-title": [Task.title.desc(), Task.id.asc()],
    "priority": [Task.priority.asc(), Task.id.asc()], "-priority": [Task.priority.desc(), Task.id.asc()],
}


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@app.get("/tasks")
def list_tasks(params: Annotated[Listing, Query()], session: SessionDep) -> TaskPage:
    conditions = []
    if params.done is not None:
        conditions.append(Task.done.is_(params.done))
    if params.priority is not None:
        conditions.append(Task.priority == params.priority)
    if params.q is not None:
        conditions.append(Task.title.ilike(f"%{escape_like(params.q)}%", escape="\\"))
    total = session.scalar(select(func.count(Task.id)).where(*conditions))
    rows = session.scalars(
        select(Task).where(*conditions).order_by(*ORDERS[params.sort]).offset(params.offset).limit(params.limit)
    ).all()
    return TaskPage(items=rows, total=total, limit=params.limit, offset=params.offset)
