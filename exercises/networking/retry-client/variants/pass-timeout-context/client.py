import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield reader, writer
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def ask(host, port, key, timeout):
    """The reply line, or None when this attempt failed."""
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError):
        return None
    try:
        async with asyncio.timeout(timeout):
            writer.write(b"GET " + key.encode() + b"\n")
            await writer.drain()
            line = await reader.readline()
    except (OSError, TimeoutError):
        line = b""
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    return line.decode("utf-8", "replace") if line.endswith(b"\n") else None


async def fetch(host, port, key, *, attempts=3, timeout=1.0, backoff=0.1):
    delays = [backoff * 2**k for k in range(attempts - 1)] + [None]
    for delay in delays:
        line = await ask(host, port, key, timeout)
        if line is not None:
            break
        if delay is not None:
            await asyncio.sleep(delay)
    else:
        raise ConnectionError(f"gave up on {key!r} after {attempts} attempts")
    match line.rstrip("\n").split(" ", 1):
        case ["VALUE", value]:
            return value
        case ["NOT_FOUND"]:
            return None
        case _:
            raise ValueError(line.strip())
