import itertools
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Response
from pydantic import BaseModel, Field, StringConstraints


class UserCreate(BaseModel):
    username: Annotated[str, StringConstraints(min_length=3, max_length=30)]
    email: Annotated[str, StringConstraints(min_length=3, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=8, max_length=128)]
    full_name: Annotated[str | None, StringConstraints(max_length=100)] = None


class StoredUser(UserCreate):
    id: int
    password: str = Field(exclude=True)


class UserOut(BaseModel):
    id: int
    username: str
    email: str
    full_name: str | None = None


router = APIRouter(prefix="/users", tags=["users"])
ids = itertools.count(1)
store: list[StoredUser] = []


def lookup(user_id: int) -> StoredUser:
    for user in store:
        if user.id == user_id:
            return user
    raise HTTPException(404, f"no user {user_id}")


@router.post("", status_code=201, response_model=UserOut)
def create(body: UserCreate):
    user = StoredUser(id=next(ids), **body.model_dump())
    store.append(user)
    return user


@router.get("", response_model=list[UserOut])
def everyone():
    return store


@router.get("/{user_id}", response_model=UserOut)
def one(user_id: int):
    return lookup(user_id)


@router.delete("/{user_id}", status_code=204, response_class=Response)
def remove(user_id: int):
    store.remove(lookup(user_id))
    return Response(status_code=204)


app = FastAPI()
app.include_router(router)
