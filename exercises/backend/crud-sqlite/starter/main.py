from collections.abc import Iterator

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

# The database is the file app.db next to this file. check_same_thread=False lets FastAPI's
# worker threads share SQLite connections (each request still gets its own session).
engine = create_engine("sqlite:///./app.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


# TODO: the ORM model Task, stored in the table "tasks": id, title (unique), description,
#       priority and done. Then create the table: Base.metadata.create_all(engine)


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


@app.get("/tasks")
def list_tasks(session: Session = Depends(get_session)) -> list[TaskOut]:
    # TODO: every task, in id order
    return []


# TODO: POST   /tasks            -> 201 and the task   (409 when the title is taken)
# TODO: GET    /tasks/{task_id}  -> 200 and the task   (404)
# TODO: PUT    /tasks/{task_id}  -> 200, every field replaced   (404, 409)
# TODO: PATCH  /tasks/{task_id}  -> 200, only the fields sent change   (404, 409)
# TODO: DELETE /tasks/{task_id}  -> 204   (404)
