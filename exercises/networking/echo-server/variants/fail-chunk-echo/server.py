import asyncio


async def handle(reader, writer):
    try:
        while data := await reader.read(1024):  # echoes whatever arrived, even half a line
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def serve(host, port):
    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
