import asyncio
import contextlib
import math


class WorkServer:
    """The server's state lives on an object; each command is a method found by name."""

    def __init__(self):
        self.clients = 0

    async def do_PING(self, argument):
        return "PONG" if not argument else "ERR unknown command"

    async def do_WHO(self, argument):
        return f"CLIENTS {self.clients}" if not argument else "ERR unknown command"

    async def do_QUIT(self, argument):
        return "BYE" if not argument else "ERR unknown command"

    async def do_WORK(self, argument):
        try:
            wait = float(argument)
        except ValueError:
            wait = math.nan
        if not 0 <= wait <= 5:  # False for nan too
            return "ERR usage: WORK seconds"
        await asyncio.sleep(wait)
        return f"DONE {argument}"

    async def unknown(self, argument):
        return "ERR unknown command"

    async def client(self, reader, writer):
        self.clients += 1
        try:
            async for line in reader:  # a StreamReader iterates over its lines
                name, _, argument = line.decode("utf-8", "replace").strip().partition(" ")
                method = getattr(self, f"do_{name}", self.unknown) if name.isupper() else self.unknown
                reply = await method(argument)
                writer.write(f"{reply}\n".encode())
                await writer.drain()
                if reply == "BYE":
                    return
        finally:
            self.clients -= 1
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


async def serve(host, port):
    state = WorkServer()
    server = await asyncio.start_server(state.client, host, port)
    async with server:
        await server.serve_forever()
