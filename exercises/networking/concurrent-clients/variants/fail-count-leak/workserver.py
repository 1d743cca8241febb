import asyncio
import math


def seconds(text):
    """The WORK argument as a number of seconds, or None when it is not one from 0 to 5."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 <= value <= 5 else None


async def serve(host, port):
    """Run the work server on host:port until cancelled."""
    connected = set()

    async def answer(line):
        command, _, argument = line.partition(" ")
        if command == "PING" and not argument:
            return "PONG"
        if command == "WHO" and not argument:
            return f"CLIENTS {len(connected)}"
        if command == "QUIT" and not argument:
            return "BYE"
        if command == "WORK":
            wait = seconds(argument)
            if wait is None:
                return "ERR usage: WORK seconds"
            await asyncio.sleep(wait)  # only this client waits
            return f"DONE {argument}"
        return "ERR unknown command"

    async def handle(reader, writer):
        connected.add(writer)
        try:
            while line := await reader.readline():
                reply = await answer(line.decode("utf-8", "replace").strip())
                writer.write(reply.encode() + b"\n")
                await writer.drain()
                if reply == "BYE":
                    connected.discard(writer)  # only a polite client is counted out
                    break
        except ConnectionError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
