import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, HTTPException, Request, status
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


ITERATIONS = 100_000  # kept low so that checks run fast; production code uses 600_000 or more


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        attempt = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return scheme == "pbkdf2_sha256" and hmac.compare_digest(attempt, expected)


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    password: str = Field(min_length=8, max_length=128)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)


users: dict[str, str] = {}  # username -> password hash
tokens: dict[str, str] = {}  # token -> username
notes: list[dict] = []  # {"id", "text", "owner"}

UNAUTHORIZED = {"WWW-Authenticate": "Bearer"}


def current_user(token: str = Depends(oauth2_scheme)) -> str:
    username = tokens.get(token)
    if username is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid or expired token",
                            headers=UNAUTHORIZED)
    return username


@app.post("/users", status_code=status.HTTP_201_CREATED)
def register(user: UserCreate) -> dict:
    users[user.username] = hash_password(user.password)
    return {"username": user.username}


@app.post("/token")
def login(form: PasswordForm = Depends(password_form)) -> dict:
    stored = users.get(form.username)
    if stored is None or not verify_password(form.password, stored):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Incorrect username or password",
                            headers=UNAUTHORIZED)
    token = secrets.token_urlsafe(32)
    tokens[token] = form.username
    return {"access_token": token, "token_type": "bearer"}


@app.get("/users/me")
def me(username: str = Depends(current_user)) -> dict:
    return {"username": username}


@app.post("/notes", status_code=status.HTTP_201_CREATED)
def add_note(note: NoteIn, username: str = Depends(current_user)) -> dict:
    stored = {"id": len(notes) + 1, "text": note.text, "owner": username}
    notes.append(stored)
    return stored


@app.get("/notes")
def my_notes(username: str = Depends(current_user)) -> list[dict]:
    return [note for note in notes if note["owner"] == username]


@app.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(token: str = Depends(oauth2_scheme), username: str = Depends(current_user)) -> None:
    tokens.pop(token, None)
