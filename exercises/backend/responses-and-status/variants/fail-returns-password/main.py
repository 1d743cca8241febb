from fastapi import FastAPI, HTTPException, status
from pydantic import BaseModel, Field

app = FastAPI()


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=8, max_length=128)
    full_name: str | None = Field(default=None, max_length=100)


class UserPublic(BaseModel):
    id: int
    username: str
    email: str
    full_name: str | None


users: dict[int, dict] = {}  # id -> the stored user, password included
next_id = 1


def find_user(user_id: int) -> dict:
    if user_id not in users:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"User {user_id} not found")
    return users[user_id]


@app.post("/users", status_code=status.HTTP_201_CREATED)
def create_user(user: UserCreate) -> dict:
    global next_id
    stored = {"id": next_id, **user.model_dump()}
    users[next_id] = stored
    next_id += 1
    return stored


@app.get("/users", response_model=list[UserPublic])
def list_users() -> list[dict]:
    return list(users.values())


@app.get("/users/{user_id}", response_model=UserPublic)
def read_user(user_id: int) -> dict:
    return find_user(user_id)


@app.delete("/users/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_user(user_id: int) -> None:
    find_user(user_id)
    del users[user_id]
