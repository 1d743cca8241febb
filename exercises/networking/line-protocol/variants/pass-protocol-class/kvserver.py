import asyncio
import re

COMMAND = re.compile(r"(?P<cmd>\S*)(?: (?P<rest>.*))?", re.DOTALL)
USAGE = {"SET": "SET key value", "GET": "GET key", "DEL": "DEL key", "QUIT": "QUIT"}


def answer(store, line: bytes):
    try:
        text = line.decode()
    except UnicodeDecodeError:
        return "ERR invalid utf-8", False
    m = COMMAND.fullmatch(text)
    cmd = (m["cmd"] if m else "").upper()
    rest = m["rest"] if m else None
    if cmd not in USAGE:
        return "ERR unknown command", False
    bad = f"ERR usage: {USAGE[cmd]}"
    if cmd == "QUIT":
        return (bad, False) if rest is not None else ("BYE", True)
    if cmd == "SET":
        key, sep, value = (rest or "").partition(" ")
        if not key or not sep or not value:
            return bad, False
        store[key] = value
        return "OK", False
    if not rest or " " in rest:
        return bad, False
    if cmd == "GET":
        return (f"VALUE {store[rest]}" if rest in store else "NOT_FOUND"), False
    if rest in store:
        del store[rest]
        return "DELETED", False
    return "NOT_FOUND", False


class KV(asyncio.Protocol):
    def __init__(self, store):
        self.store = store
        self.buf = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buf += data
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            if line.endswith(b"\r"):
                line = line[:-1]
            text, done = answer(self.store, line)
            self.transport.write(text.encode() + b"\n")
            if done:
                self.transport.close()
                return

    def eof_received(self):
        return False      # close our side too


async def serve(host, port):
    store = {}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: KV(store), host, port)
    async with server:
        await server.serve_forever()
