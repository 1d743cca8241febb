import asyncio
import re

NICK = re.compile(r"[A-Za-z0-9_-]{1,16}")


async def serve(host, port):
    """Run the chat server on host:port until cancelled."""
    clients = {}  # nick -> writer of every joined client

    async def send(writer, text):
        try:
            writer.write(text.encode() + b"\n")
            await writer.drain()
        except ConnectionError:
            pass  # that client is leaving; its own handler cleans up

    async def broadcast(text, sender=None):
        for nick, writer in list(clients.items()):
            if nick != sender:
                await send(writer, text)

    async def join(reader, writer):
        """Ask for a nick until one is accepted; None if the client left first."""
        while line := await reader.readline():
            command, _, name = line.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            if command != "NICK":
                await send(writer, "ERR send NICK first")
            elif not NICK.fullmatch(name):
                await send(writer, "ERR invalid nick")
            elif name in clients:
                await send(writer, "ERR nick taken")
            else:
                clients[name] = writer
                await send(writer, f"WELCOME {name}")
                await broadcast(f"* {name} joined", sender=name)
                return name
        return None

    async def handle(reader, writer):
        nick = None
        try:
            nick = await join(reader, writer)
            while nick and (line := await reader.readline()):
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                if text == "QUIT":
                    await send(writer, "BYE")
                    del clients[nick]  # only a client that says QUIT is removed
                    await broadcast(f"* {nick} left")
                    break
                if text:
                    await broadcast(f"<{nick}> {text}", sender=nick)
        except ConnectionError:
            pass  # the connection broke: leave like everybody else
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
