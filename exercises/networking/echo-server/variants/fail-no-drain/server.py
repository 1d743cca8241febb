import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)  # never awaits drain(): a slow client makes this buffer grow without limit
    writer.close()
    await writer.wait_closed()


async def serve(host, port):
    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
