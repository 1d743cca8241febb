import asyncio


async def handle(reader, writer):
    """One client: send back every line it sends, then close the connection."""
    # TODO: read lines with `await reader.readline()` and write them back


async def serve(host, port):
    """Run the echo server on host:port until cancelled."""
    # TODO: start the server with asyncio.start_server(handle, host, port) and keep it running
    await asyncio.sleep(3600)
