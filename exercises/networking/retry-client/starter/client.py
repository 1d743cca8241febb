import asyncio


async def fetch(host, port, key, *, attempts=3, timeout=1.0, backoff=0.1):
    """The value of `key` (None when NOT_FOUND), asking again when the server fails."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {key}\n".encode())
    await writer.drain()
    line = await reader.readline()  # TODO: a timeout, retries with backoff, closing the connection
    return line.decode().removeprefix("VALUE ").strip()
