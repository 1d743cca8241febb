import asyncio
import time


async def serve(host, port):
    """Run the work server on host:port until cancelled."""

    async def handle(reader, writer):
        while line := await reader.readline():
            command, _, argument = line.decode().strip().partition(" ")
            if command == "PING":
                writer.write(b"PONG\n")
            elif command == "WORK":
                time.sleep(float(argument))  # TODO: this freezes every client
                writer.write(f"DONE {argument}\n".encode())
            else:
                writer.write(b"ERR unknown command\n")  # TODO: WHO and QUIT
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
