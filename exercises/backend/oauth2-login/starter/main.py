import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, Field

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


# --- given: reading the login form ------------------------------------------------------------


@dataclass
class PasswordForm:
    username: str
    password: str


async def password_form(request: Request) -> PasswordForm:
    """The `username` and `password` fields of a form sent as application/x-www-form-urlencoded.

    FastAPI's OAuth2PasswordRequestForm (which needs the python-multipart package) does the same job.
    """
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    missing = [name for name in ("username", "password") if not fields.get(name)]
    if missing:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body", name), "msg": "Field required", "input": None} for name in missing]
        )
    return PasswordForm(username=fields["username"][0], password=fields["password"][0])


# --- your part --------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    # TODO: a salted PBKDF2-HMAC-SHA256 (or scrypt) hash, as text that holds the salt too.
    return password


def verify_password(password: str, stored: str) -> bool:
    # TODO: hash `password` with the salt kept in `stored`, then compare in constant time.
    return password == stored


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    password: str = Field(min_length=8, max_length=128)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)


users: dict[str, str] = {}  # username -> password hash
tokens: dict[str, str] = {}  # token -> username
notes: list[dict] = []  # {"id", "text", "owner"}


@app.post("/users", status_code=201)
def register(user: UserCreate) -> dict:
    # TODO: 409 when the username is taken.
    users[user.username] = hash_password(user.password)
    return {"username": user.username}


@app.post("/token")
def login(form: PasswordForm = Depends(password_form)) -> dict:
    # TODO: check the password; 401 with WWW-Authenticate: Bearer when it is wrong;
    #       otherwise a new random token: {"access_token": ..., "token_type": "bearer"}.
    return {"access_token": form.username, "token_type": "bearer"}


# TODO: a current_user dependency (401 + WWW-Authenticate: Bearer for a missing or unknown token)
# TODO: GET  /users/me -> {"username": ...}
# TODO: POST /notes    -> 201 {"id", "text", "owner"}
# TODO: GET  /notes    -> the caller's own notes
# TODO: POST /logout   -> 204, and the token stops working
