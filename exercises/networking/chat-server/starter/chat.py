import asyncio


async def serve(host, port):
    """Run the chat server on host:port until cancelled."""
    clients = {}  # nick -> writer of every joined client

    async def handle(reader, writer):
        line = await reader.readline()
        nick = line.decode().strip().removeprefix("NICK ")
        clients[nick] = writer
        writer.write(f"WELCOME {nick}\n".encode())
        await writer.drain()
        # TODO: validate the nick, then broadcast every message to the others, announce joins and leaves
        writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
