import asyncio


class KeyValue(asyncio.Protocol):
    """Callback style with a hand-made buffer: bytes pile up until a newline completes a command."""

    def __init__(self, store):
        self.store = store
        self.buffer = bytearray()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while (end := self.buffer.find(b"\n")) >= 0:
            line = bytes(self.buffer[:end]).rstrip(b"\r")
            del self.buffer[: end + 1]
            answer = self.answer(line)
            self.transport.write(answer.encode() + b"\n")
            if answer == "BYE":
                self.transport.close()
                return

    def eof_received(self):
        self.transport.close()
        return True

    def answer(self, line):
        try:
            words = line.decode("utf-8").split(" ")
        except UnicodeDecodeError:
            return "ERR invalid utf-8"
        match [words[0].upper(), *words[1:]]:
            case ["SET", key, first, *more] if key and (first or more):
                self.store[key] = " ".join([first, *more])
                return "OK"
            case ["SET", *_]:
                return "ERR usage: SET key value"
            case ["GET", key] if key:
                return f"VALUE {self.store[key]}" if key in self.store else "NOT_FOUND"
            case ["GET", *_]:
                return "ERR usage: GET key"
            case ["DEL", key] if key:
                return "DELETED" if self.store.pop(key, None) is not None else "NOT_FOUND"
            case ["DEL", *_]:
                return "ERR usage: DEL key"
            case ["QUIT"]:
                return "BYE"
            case ["QUIT", *_]:
                return "ERR usage: QUIT"
            case _:
                return "ERR unknown command"


async def serve(host, port):
    store = {}
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: KeyValue(store), host, port)
    async with server:
        await server.serve_forever()
