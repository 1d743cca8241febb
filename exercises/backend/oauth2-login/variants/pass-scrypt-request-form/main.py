import base64
import hashlib
import hmac
import itertools
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field

app = FastAPI()
bearer = OAuth2PasswordBearer(tokenUrl="token")

SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, **SCRYPT)
    return f"scrypt:{_b64(salt)}:{_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    parts = stored.split(":")
    if len(parts) != 3 or parts[0] != "scrypt":
        return False
    try:
        salt, key = base64.urlsafe_b64decode(parts[1]), base64.urlsafe_b64decode(parts[2])
    except ValueError:
        return False
    return hmac.compare_digest(hashlib.scrypt(password.encode(), salt=salt, **SCRYPT), key)


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=30)
    password: str = Field(min_length=8, max_length=128)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)


class Note(BaseModel):
    id: int
    text: str
    owner: str


accounts: dict[str, str] = {}
sessions: dict[str, str] = {}
notes: dict[str, list[Note]] = {}
note_ids = itertools.count(1)


def refuse(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"})


def session_token(token: Annotated[str, Depends(bearer)]) -> str:
    if token not in sessions:
        raise refuse("Token not recognised")
    return token


def caller(token: Annotated[str, Depends(session_token)]) -> str:
    return sessions[token]


Caller = Annotated[str, Depends(caller)]


@app.post("/users", status_code=201)
def register(user: UserCreate) -> dict:
    if user.username in accounts:
        raise HTTPException(409, "That username is taken")
    accounts[user.username] = hash_password(user.password)
    return {"username": user.username}


@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> dict:
    stored = accounts.get(form.username)
    # verify against a dummy hash for unknown users too, so both answers take as long
    ok = verify_password(form.password, stored or hash_password("not a password"))
    if stored is None or not ok:
        raise refuse("Wrong username or password")
    token = secrets.token_urlsafe(32)
    sessions[token] = form.username
    return {"access_token": token, "token_type": "bearer"}


@app.get("/users/me")
def me(username: Caller) -> dict:
    return {"username": username}


@app.post("/notes", status_code=201)
def add_note(note: NoteIn, username: Caller) -> Note:
    created = Note(id=next(note_ids), text=note.text, owner=username)
    notes.setdefault(username, []).append(created)
    return created


@app.get("/notes")
def list_notes(username: Caller) -> list[Note]:
    return notes.get(username, [])


@app.post("/logout", status_code=204)
def logout(token: Annotated[str, Depends(session_token)]) -> Response:
    del sessions[token]
    return Response(status_code=204)
