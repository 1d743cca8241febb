import asyncio


def reply(store, line):
    command, *args = line.decode().split(" ", 2)  # trusts the client: bad bytes or words raise
    command = command.upper()
    if command == "SET":
        key, value = args
        store[key] = value
        return "OK"
    if command == "GET":
        (key,) = args
        return f"VALUE {store[key]}" if key in store else "NOT_FOUND"
    if command == "DEL":
        (key,) = args
        return "DELETED" if store.pop(key, None) is not None else "NOT_FOUND"
    if command == "QUIT":
        return "BYE"
    return "ERR unknown command"


async def serve(host, port):
    store = {}

    async def handle(reader, writer):
        try:
            while line := await reader.readline():
                answer = reply(store, line.rstrip(b"\r\n"))
                writer.write(answer.encode() + b"\n")
                await writer.drain()
                if answer == "BYE":
                    break
        finally:
            writer.close()
            await writer.wait_closed()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
