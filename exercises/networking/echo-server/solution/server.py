import asyncio


async def handle(reader, writer):
    """One client: send back every line it sends, then close the connection."""
    try:
        while True:
            line = await reader.readline()  # at the end, the last piece without "\n" (or b"")
            if not line:
                break
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def serve(host, port):
    """Run the echo server on host:port until cancelled."""
    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
