"""The harness's view of the learner's code: calls and HTTP requests over the channel.

Everything that comes back is plain data rebuilt by the harness, or a `Remote` handle that never
compares equal to anything and is never truthy by delegation.
"""

from __future__ import annotations

import base64
import builtins
import importlib
import itertools
import secrets
from functools import cache
from typing import Any

import httpx

from gradekit import codec
from gradekit.channel import Channel, TooManyValues
from gradekit.errors import ChannelError, SubjectGone

# A hidden test shows the name of a type the learner's code gave it only when the name is one of
# these: a name of the learner's choosing (a class of its own) could carry the test's inputs out.
KNOWN_TYPE_MODULES = ("builtins", "binascii", "collections", "datetime", "decimal", "fractions", "json",
                      "pathlib", "sqlite3", "tomllib")
KNOWN_LIBRARY_TYPES = frozenset({
    "ndarray", "DataFrame", "Series", "Index", "Timestamp", "Timedelta", "Period", "PeriodIndex",
    "DatetimeIndex", "Engine", "Connection", "Session", "Response", "Serial", "Surface", "Rect", "Figure", "Axes",
    "Pipeline", "ColumnTransformer", "StandardScaler", "OneHotEncoder", "LogisticRegression",
    "RandomForestClassifier", "LinearRegression",
})
UNNAMED_TYPE = "custom object"


@cache
def known_type_names() -> frozenset[str]:
    names = set(KNOWN_LIBRARY_TYPES)
    for module_name in KNOWN_TYPE_MODULES:
        module = importlib.import_module(module_name)
        names.update(name for name, value in vars(module).items() if isinstance(value, type))
    return frozenset(names)


class TypeName(str):
    """A type's name as a test may show it, which still compares (==, in, hashing) as the real name:
    a hidden test may check that the learner's code returned a `Pipeline` whatever names it shows."""

    real: str

    def __new__(cls, real: str, shown: str) -> TypeName:
        name = super().__new__(cls, shown)
        name.real = real
        return name

    def __eq__(self, other: object) -> bool:
        return self.real == (other.real if isinstance(other, TypeName) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.real)


def shown_type(name: str, reveal: bool, unnamed: str = UNNAMED_TYPE) -> TypeName:
    """`name`, the learner's type's, as a test may show it: whole where the test shows detail, else
    only a known type's name (`unnamed` for the rest)."""
    return TypeName(name, name if reveal or name in known_type_names() else unnamed)


class LearnerError(Exception):
    """The learner's code raised an exception that is not a built-in one."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(f"{type_name}: {message}" if message else str(type_name))
        self.type_name = type_name


class LearnerTimeout(AssertionError):
    """A call into the learner's code did not return in time."""


class LearnerGone(AssertionError):
    """The learner's program exited or crashed, so it can no longer answer.

    `during` says when it was lost ("during mean([])", "while it was being loaded"): when a limit
    stopped the program, the report tells the tests that ended here which one.
    """

    def __init__(self, message: str, during: str | None = None) -> None:
        super().__init__(message)
        self.during = during


class NotPlainValue(AssertionError):
    """A handle to a learner object was used where a plain value was needed."""


class ValueTooLarge(AssertionError):
    """The learner's code answered with a value too large for the harness to build."""


class UnreadableValue(AssertionError):
    """The learner's code answered with data that does not follow the channel's encoding."""


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(path: list[str], args: tuple[Any, ...], kwargs: dict[str, Any], reveal: bool) -> str:
    """How a call is named in feedback; a hidden test's arguments stay hidden."""
    parts = [_short(repr(a)) for a in args] + [_short(f"{k}={v!r}") for k, v in kwargs.items()]
    return f"{'.'.join(path) or 'the module'}({', '.join(parts) if reveal else ''})"


class Connection:
    """The harness end of the channel, with the subject's hello and per-call bookkeeping."""

    def __init__(self, channel: Channel, call_timeout: float, load_timeout: float) -> None:
        self.channel = channel
        self.call_timeout = call_timeout
        self.load_timeout = load_timeout
        # Request ids start at a random number, so that replies written ahead of the requests (by
        # learner code writing to the channel at import, say) cannot carry the ids asked for.
        self.ids = itertools.count(secrets.randbelow(2**48) + 1)
        self.hello: dict[str, Any] | None = None
        self.broken: str | None = None  # why the subject can no longer answer
        self.cause: str | None = None  # "timeout" | "crashed" once broken
        self.broken_during: str | None = None  # when a crash happened: "during <request>", "while ..."
        self.output: list[str] = []  # learner output since the current test began
        self.reveal = True  # may feedback show the current test's arguments?
        self.withheld = False  # did the learner's code print during the current (hidden) test?
        # How the current test lost the learner's program, if it did: the harness's own exception,
        # which the test's code may have caught as "any exception" and named in its message.
        self.lost: LearnerTimeout | LearnerGone | None = None

    def begin_test(self, reveal: bool) -> None:
        """A test begins. In a hidden one (not `reveal`) what the learner's code prints while it is
        called is withheld: the code has the hidden inputs and could print them."""
        self.output.clear()
        self.reveal = reveal
        self.withheld = False
        self.lost = None

    def _lost(self, exc: LearnerTimeout | LearnerGone) -> LearnerTimeout | LearnerGone:
        """Remember, for the current test, that the learner's program was lost (see `lost`)."""
        self.lost = exc
        return exc

    def ensure_loaded(self) -> None:
        if self.hello is None:
            try:
                self.hello = self.channel.receive(timeout=self.load_timeout)
            except TimeoutError:
                self._break("timeout", f"Your code took longer than {self.load_timeout:g} s to load: look for an "
                            "endless loop or a blocking call that runs at import, or in a web app's startup.")
            except (SubjectGone, ChannelError):
                self._break("crashed", "Your program exited while it was being loaded (did it call exit()?).",
                            "while it was being loaded")
            if self.hello is not None:
                checked_hello(self.hello)
                if self.hello.get("output"):
                    self.output.append(str(self.hello["output"]))
        if self.broken and self.cause == "timeout":
            raise self._lost(LearnerTimeout(self.broken))
        if self.broken:
            raise self._lost(LearnerGone(self.broken, self.broken_during))
        assert self.hello is not None
        if not self.hello["ok"]:
            raise LoadError(self.hello["error"])

    def _break(self, cause: str, message: str, during: str | None = None) -> None:
        self.cause, self.broken, self.broken_during = cause, message, during

    def request(self, message: dict[str, Any], what: str, timeout: float | None = None) -> Any:
        """Send one request and wait for its reply (`timeout` overrides the call timeout)."""
        self.ensure_loaded()
        message["id"] = next(self.ids)
        wait = self.call_timeout if timeout is None else timeout
        try:
            self.channel.send(message)
            reply = self.channel.receive(timeout=wait)
        except TooManyValues as exc:
            raise ValueTooLarge(f"{what} returned a value too large to check: {exc}. Return a smaller value.") from None
        except TimeoutError:
            self._break("timeout", f"An earlier call, {what}, never returned.")
            raise self._lost(LearnerTimeout(
                f"{what} did not return within {wait:g} s; look for an endless loop or a blocking call."
            )) from None
        except (SubjectGone, ChannelError):
            during = f"during {what}"
            self._break("crashed", f"Your program exited or crashed {during}.", during)
            raise self._lost(LearnerGone(f"Your program exited or crashed {during} (did it call exit()?).",
                                         during)) from None
        if reply.get("id") != message["id"]:
            self._break("crashed", f"Your program wrote to the grader's channel itself during {what}.")
            raise self._lost(LearnerGone(f"{what} was answered by something other than the call (did your "
                                         "program write to a socket or file descriptor it did not open?)."))
        if reply.get("output"):
            if self.reveal:
                self.output.append(str(reply["output"]))
            else:
                self.withheld = True
        if not reply.get("ok"):
            raise learner_exception(reply.get("error"), what, self.reveal)
        return reply.get("value")

    def ask(self, message: dict[str, Any], what: str, timeout: float | None = None) -> Any:
        """`request`, with the answer read as plain data (`decode`)."""
        return self.decode(self.request(message, what, timeout), what)

    def decode(self, data: Any, what: str) -> Any:
        """The answer as plain data. An answer the harness cannot read fails the test as an
        AssertionError: were the decoder's own error (a ValueError, a KeyError, ...) to come out of
        the call, `pytest.raises(ValueError)` would count it as the learner's code raising."""
        try:
            return codec.decode(data, lambda info: Remote(self, info))
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever the learner's data makes the decoder raise
            raise UnreadableValue(  # the decoder's own words could quote the learner's data: not shown
                f"{what} returned a value that could not be read ({type(exc).__name__}); "
                "return plain data: numbers, text, lists, dicts, numpy arrays or pandas objects."
            ) from None


class LoadError(AssertionError):
    """The learner's files could not be loaded (syntax error, failing import, missing app)."""

    def __init__(self, error: dict[str, Any]) -> None:
        self.error = error
        where = ""
        if error.get("type") == "SyntaxError" and error.get("filename"):
            where = f" ({error['filename']}, line {error.get('lineno')})"
        message = f": {error['message']}" if error.get("message") else ""
        super().__init__(f"Your code could not be loaded: {error.get('type')}{where}{message}")


def checked_hello(hello: dict[str, Any]) -> None:
    """Give the subject's first message the types the harness relies on: `ok` a bool, and an `error`
    (`plain_error`) exactly when it is not ok."""
    hello["ok"] = hello.get("ok") is True
    if hello["ok"]:
        hello.pop("error", None)
    else:
        hello["error"] = plain_error(hello.get("error"))


def plain_error(error: Any) -> dict[str, Any]:
    """The subject's description of a learner exception (`gradekit.subject.describe_error`), in the
    types and sizes it has there, whatever the subject sent."""
    error = error if type(error) is dict else {}
    bases = error.get("bases")
    info = {
        "type": _text(error.get("type"), 200) or "Exception",
        "builtin": error.get("builtin") is True,
        "bases": [base for base in bases if type(base) is str][:6] if type(bases) is list else [],
        "message": _text(error.get("message"), 2000),
        "traceback": _text(error.get("traceback"), 8000),
    }
    if "filename" in error:
        info["filename"] = _text(error["filename"], 200)
        info["lineno"] = error.get("lineno") if type(error.get("lineno")) is int else None
    return info


def _text(value: Any, limit: int) -> str:
    return value[:limit] if type(value) is str else ""


def learner_exception(error: Any, what: str, reveal: bool = True) -> BaseException:
    """An exception of the same built-in type (or built on its nearest built-in base), with the learner's traceback.

    In a hidden test (not `reveal`) an exception class of the learner's own is named as its nearest
    built-in base: its name is the learner's to choose (`shown_type`).
    """
    error = plain_error(error)
    type_name = str(error["type"])
    shown = shown_type(type_name, reveal, builtin_base(error))
    message = str(error["message"])
    exc_type = _exception_type(error, str(shown))
    try:
        exc = exc_type(shown, message) if issubclass(exc_type, LearnerError) else exc_type(message)
    except Exception:
        exc = LearnerError(shown, message)
    exc.learner_error = {"what": what, "type": type_name, "message": message,  # type: ignore[attr-defined]
                         "traceback": error["traceback"]}
    return exc


def builtin_base(error: dict[str, Any]) -> str:
    """The name of the learner's exception's type if built in, else of its nearest built-in base."""
    for name in [*([error["type"]] if error.get("builtin") else []), *error.get("bases", [])]:
        found = getattr(builtins, str(name), None)
        if isinstance(found, type) and issubclass(found, BaseException):
            return str(name)
    return "Exception"


def _exception_type(error: dict[str, Any], type_name: str) -> type[Exception]:
    if error.get("builtin"):
        found = getattr(builtins, type_name, None)
        if isinstance(found, type) and issubclass(found, Exception):
            return found
    for base_name in error.get("bases", []):
        base = getattr(builtins, str(base_name), None)
        if isinstance(base, type) and issubclass(base, Exception) and base is not Exception:
            # e.g. json.JSONDecodeError arrives as a ValueError, so pytest.raises(ValueError) sees it
            return type(type_name, (LearnerError, base), {})
    return LearnerError


class Reference:
    """A name in the learner's module or on a remote object: call it, or `.get()` its value."""

    def __init__(self, connection: Connection, target: int | None, path: list[str]) -> None:
        self._connection, self._target, self._path = connection, target, path

    def __getattr__(self, name: str) -> Reference:
        if name.startswith("__"):
            raise AttributeError(name)
        return Reference(self._connection, self._target, [*self._path, name])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        message = {"op": "call", "target": self._target, "path": self._path,
                   "args": encode_argument(list(args)), "kwargs": encode_argument(kwargs)}
        what = _describe(self._path, args, kwargs, self._connection.reveal)
        return self._connection.ask(message, what)

    def get(self) -> Any:
        message = {"op": "get", "target": self._target, "path": self._path}
        what = ".".join(self._path)
        return self._connection.ask(message, what)

    def __eq__(self, other: object) -> bool:
        raise NotPlainValue(f"{'.'.join(self._path)} must be called or read with .get() before comparing")

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return ".".join(self._path)


class Remote:
    """An opaque handle to an object living in the learner's process."""

    def __init__(self, connection: Connection, info: dict[str, Any]) -> None:
        self._connection = connection
        self._id = int(info["id"])
        self._type_name = str(info.get("type", "object"))
        self._text = str(info.get("repr", ""))[:200]

    @property
    def type_name(self) -> str:
        """The name of the object's type (in a hidden test, only a known type's: `shown_type`)."""
        return shown_type(self._type_name, self._connection.reveal)

    @property
    def text(self) -> str:
        """The object's repr, as the learner's code made it: empty in a hidden test."""
        return self._text if self._connection.reveal else ""

    def __getattr__(self, name: str) -> Reference:
        if name.startswith("__"):
            raise AttributeError(name)
        return Reference(self._connection, self._id, [name])

    def __eq__(self, other: object) -> bool:
        return other is self

    def __ne__(self, other: object) -> bool:
        return other is not self

    __hash__ = object.__hash__

    def __bool__(self) -> bool:
        # The type's name is the learner's to choose: a hidden test does not show it.
        shown = f"a {self._type_name} object" if self._connection.reveal else "an object"
        raise NotPlainValue(f"got {shown} where a plain value (number, text, list, ...) was expected")

    def __repr__(self) -> str:
        return f"<{self.type_name} object: {self.text}>" if self.text else f"<{self.type_name}>"


def encode_argument(value: Any) -> Any:
    """Encode a harness-side argument; handles go back as references to the learner's objects."""

    def handle(obj: Any) -> dict[str, Any]:
        if isinstance(obj, Remote):
            return {"$t": "handle", "id": obj._id}
        raise TypeError(f"cannot send a {type(obj).__name__} to the learner's code")

    return codec.encode(value, handle)


class Submission:
    """The `submission` fixture: the learner's module."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def __getattr__(self, name: str) -> Reference:
        if name.startswith("__"):
            raise AttributeError(name)
        return Reference(self._connection, None, [name])

    def get(self, name: str) -> Any:
        return Reference(self._connection, None, name.split(".")).get()

    def __repr__(self) -> str:
        return "submission"

    def load(self) -> None:
        """Load the learner's files now (raises LoadError for a syntax error)."""
        self._connection.ensure_loaded()

    def figures(self) -> list[dict[str, Any]]:
        """The learner's open matplotlib figures as plain data (see gradekit.figures)."""
        return list(self._connection.ask({"op": "figures"}, "the figures"))


class Game:
    """The `game` fixture: drives the learner's pygame game one deterministic frame at a time."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.fps = 60
        self.started = False

    def _do(self, action: str, what: str, **fields: Any) -> Any:
        message = {"op": "game", "action": action, **fields}
        return self._connection.ask(message, what)

    def start(self, factory: str = "Game") -> dict[str, Any]:
        """Create the learner's game on a fresh screen; returns its width, height and fps."""
        info: dict[str, Any] = self._do("start", f"{factory}(screen)", factory=factory)
        self.fps, self.started = int(info["fps"]), True
        return info

    def press(self, key: str | int) -> None:
        """Hold a key down (a KEYDOWN event, and get_pressed() reports it) until release()."""
        self._do("key", f"pressing {key}", key=key, down=True)

    def release(self, key: str | int) -> None:
        self._do("key", f"releasing {key}", key=key, down=False)

    def post(self, event_type: str, **attributes: Any) -> None:
        """Post any pygame event, e.g. post("MOUSEBUTTONDOWN", pos=(10, 20), button=1)."""
        self._do("post", f"posting {event_type}", type=event_type, attributes=attributes)

    def step(self, frames: int = 1) -> int:
        """Run `frames` frames (events, update(1 / fps), draw); returns the frame count so far."""
        return int(self._do("step", f"{frames} frame(s) of the game", frames=frames))

    def seconds(self, seconds: float) -> int:
        return self.step(round(seconds * self.fps))

    def state(self) -> Any:
        return self._do("state", "Game.state()")

    def frame(self) -> bytes:
        """The screen as PNG bytes."""
        return bytes(self._do("frame", "capturing the screen"))

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        return tuple(self._do("pixel", f"reading pixel ({x}, {y})", x=x, y=y))


class ChannelTransport(httpx.BaseTransport):
    """An httpx transport whose requests are answered by the learner's app in the subject."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        target = request.url.raw_path.decode("ascii")
        message = {
            "op": "http", "method": request.method, "url": target,
            "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in request.headers.raw],
            "body": base64.b64encode(body).decode(),
        }
        shown = target if self.connection.reveal else request.url.path
        reply = self.connection.request(message, f"{request.method} {shown}")
        if type(reply) is not dict or type(reply.get("status")) is not int:
            raise ChannelError("the app's answer was malformed")
        headers = [(str(k), str(v)) for k, v in reply.get("headers", [])]
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-encoding", "transfer-encoding")]
        return httpx.Response(reply["status"], headers=headers, content=base64.b64decode(reply.get("body", "")))


def http_client(connection: Connection) -> httpx.Client:
    return httpx.Client(transport=ChannelTransport(connection), base_url="http://testserver", follow_redirects=True)
