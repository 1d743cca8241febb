import asyncio


def reply(store, line):
    """The reply (without "\\n") to one command line (bytes, "\\n" removed)."""
    return "ERR unknown command"  # TODO: SET, GET, DEL and QUIT


async def serve(host, port):
    """Run the key-value server on host:port until cancelled."""
    store = {}

    async def handle(reader, writer):
        line = await reader.readline()  # TODO: every line, until QUIT or the end of the stream
        writer.write((reply(store, line.rstrip(b"\r\n")) + "\n").encode())
        await writer.drain()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
