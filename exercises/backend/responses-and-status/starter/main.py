from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=8, max_length=128)
    full_name: str | None = Field(default=None, max_length=100)


# TODO: a UserPublic model with id, username, email and full_name -- and no password.

users: dict[int, dict] = {}  # id -> the stored user, password included
next_id = 1


@app.post("/users")
def create_user(user: UserCreate):
    # TODO: answer 201 Created, and never send the password back.
    global next_id
    stored = {"id": next_id, **user.model_dump()}
    users[next_id] = stored
    next_id += 1
    return stored


# TODO: GET /users            -> 200, every user (without passwords), oldest first
# TODO: GET /users/{user_id}  -> 200 with the user, or 404
# TODO: DELETE /users/{user_id} -> 204 with an empty body, or 404
