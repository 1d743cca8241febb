import asyncio


class Retry(Exception):
    """This attempt failed in a way that another attempt may fix."""


async def attempt(host, port, key, timeout):
    """One connection, one question, one answer: the reply line, without its newline."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    except (OSError, TimeoutError) as exc:
        raise Retry(f"could not connect: {exc!r}") from exc
    try:
        writer.write(f"GET {key}\n".encode())
        await writer.drain()
        line = await reader.readline()  # waits as long as the server likes
    except (OSError, TimeoutError) as exc:
        raise Retry(f"no answer: {exc!r}") from exc
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass  # the server already reset the connection
    if not line.endswith(b"\n"):
        raise Retry("the connection ended before a whole line arrived")
    return line[:-1].decode("utf-8", "replace")


async def fetch(host, port, key, *, attempts=3, timeout=1.0, backoff=0.1):
    """The value of `key` (None when NOT_FOUND), asking again when the server fails."""
    for number in range(1, attempts + 1):
        try:
            reply = await attempt(host, port, key, timeout)
        except Retry as failure:
            last = failure
            if number < attempts:
                await asyncio.sleep(backoff * 2 ** (number - 1))
            continue
        if reply.startswith("VALUE "):
            return reply.removeprefix("VALUE ")
        if reply == "NOT_FOUND":
            return None
        raise ValueError(f"the server answered {reply!r}")
    raise ConnectionError(f"no answer for {key!r} after {attempts} attempts ({last})")
