import asyncio


async def handle(reader, writer):
    try:
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def serve(host, port):
    """Echo every line back to its sender, on host:port, until cancelled."""
    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
