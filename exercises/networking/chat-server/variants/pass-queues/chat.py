import asyncio
import contextlib
import string

ALLOWED = set(string.ascii_letters + string.digits + "_-")


class Room:
    """Each member has an outbox queue drained by its own writer task, so a slow reader holds up nobody."""

    def __init__(self):
        self.members = {}  # nick -> asyncio.Queue of lines to send

    def post(self, line, skip=None):
        for nick, outbox in self.members.items():
            if nick != skip:
                outbox.put_nowait(line)

    async def pump(self, outbox, writer):
        while (line := await outbox.get()) is not None:
            writer.write(line.encode() + b"\n")
            with contextlib.suppress(ConnectionError):
                await writer.drain()

    async def session(self, reader, writer):
        outbox = asyncio.Queue()
        pump = asyncio.create_task(self.pump(outbox, writer))
        nick = None
        try:
            async for raw in reader:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                if nick is None:
                    nick = self.try_join(line, outbox)
                elif line == "QUIT":
                    outbox.put_nowait("BYE")
                    break
                elif line:
                    self.post(f"<{nick}> {line}", skip=nick)
        except ConnectionError:
            pass
        finally:
            if nick is not None:
                del self.members[nick]
                self.post(f"* {nick} left")
            outbox.put_nowait(None)  # the pump sends what is queued, then stops
            with contextlib.suppress(ConnectionError):
                await pump
            writer.close()

    def try_join(self, line, outbox):
        if not line.startswith("NICK"):
            outbox.put_nowait("ERR send NICK first")
            return None
        name = line[len("NICK ") :] if line.startswith("NICK ") else ""
        if not (1 <= len(name) <= 16 and set(name) <= ALLOWED):
            outbox.put_nowait("ERR invalid nick")
            return None
        if name in self.members:
            outbox.put_nowait("ERR nick taken")
            return None
        outbox.put_nowait(f"WELCOME {name}")
        self.post(f"* {name} joined")
        self.members[name] = outbox
        return name


async def serve(host, port):
    room = Room()
    server = await asyncio.start_server(room.session, host, port)
    async with server:
        await server.serve_forever()
