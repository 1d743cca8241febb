"""Do network exercises run the learner's asyncio server and client on the subject's loopback?"""

from __future__ import annotations

from pathlib import Path

import pytest
from gradekit import Settings, grade, load_exercise

NEVER_LISTENS = """
import asyncio

async def serve(host, port):
    await asyncio.sleep(3600)
"""

BLOCKING = """
import asyncio
import time

async def handle(reader, writer):
    while line := await reader.readline():
        time.sleep(0.8)
        writer.write(line)
        await writer.drain()
    writer.close()

async def serve(host, port):
    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
"""

RAISES = """
import asyncio

async def handle(reader, writer):
    line = await reader.readline()
    raise KeyError(line.decode().strip())

async def serve(host, port):
    return await asyncio.start_server(handle, host, port)
"""

NO_TIMEOUT_NO_CLOSE = """
import asyncio

async def fetch(host, port, key):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {key}\\n".encode())
    await writer.drain()
    line = await reader.readline()
    return line.decode().removeprefix("VALUE ").strip()
"""


@pytest.fixture
def echo(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "echo-server")


@pytest.fixture
def fetch(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "fetch-client")


def by_name(report: dict) -> dict[str, dict]:
    return {t["name"]: t for t in report["tests"]}


def test_reference_echo_server_passes(echo):
    """Does a correct asyncio echo server pass every conversation?"""
    report = grade(echo, echo.solution_files(), Settings())
    assert report["status"] == "pass", report


def test_a_server_that_never_listens_gets_a_clear_verdict(echo):
    """Is a server that never listens failed with a message naming the port and the fix, not a hang?"""
    report = grade(echo, {"server.py": NEVER_LISTENS}, Settings())
    tests = list(by_name(report).values())
    assert tests and all(t["status"] == "fail" for t in tests)
    assert all("nothing listened on 127.0.0.1:" in t["message"] for t in tests)
    assert "asyncio.start_server" in tests[0]["message"]


def test_a_blocking_handler_is_measured(echo):
    """Does a handler that calls time.sleep() show up as a blocked event loop?"""
    report = grade(echo, {"server.py": BLOCKING}, Settings())
    tests = by_name(report)
    assert tests["the event loop is never blocked"]["status"] == "fail"
    assert tests["a line comes back unchanged"]["status"] == "pass"


def test_a_handler_exception_reaches_the_learner(echo):
    """Is an exception raised in a connection handler shown with the learner's traceback?"""
    report = grade(echo, {"server.py": RAISES}, Settings())
    example = by_name(report)["a line comes back unchanged"]
    assert example["status"] == "fail"
    assert "KeyError" in example["output"] and "server.py" in example["output"]


def test_client_exercise_passes_and_the_server_sees_the_request(fetch):
    """Does a correct client pass against the scripted server, which records what it was sent?"""
    report = grade(fetch, fetch.solution_files(), Settings())
    assert report["status"] == "pass", report


def test_a_client_without_timeout_or_close_fails_without_hanging(fetch):
    """Is a client that never closes, and waits forever on a dropped line, failed with clear messages?"""
    report = grade(fetch, {"client.py": NO_TIMEOUT_NO_CLOSE}, Settings())
    tests = by_name(report)
    assert tests["fetch() returns the value the server sends"]["status"] == "pass"
    assert tests["fetch() closes its connection"]["message"] == "close the writer when you are done"
    assert tests["fetch() raises ConnectionError when the server hangs up"]["status"] == "fail"
