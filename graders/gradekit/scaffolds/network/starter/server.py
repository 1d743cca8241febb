import asyncio


async def serve(host, port):
    """Echo every line back to its sender, on host:port, until cancelled."""
    await asyncio.sleep(3600)  # TODO: start a server with asyncio.start_server
