import asyncio


def reply(store, raw):
    try:
        text = raw.decode("utf-8").strip()          # strips \r\n ... and every other space at the ends
    except UnicodeDecodeError:
        return "ERR invalid utf-8"
    parts = text.split(" ", 2)
    command = parts[0].upper()
    if command == "SET":
        if len(parts) < 3 or not parts[1] or not parts[2]:
            return "ERR usage: SET key value"
        store[parts[1]] = parts[2]
        return "OK"
    if command == "GET":
        if len(parts) != 2:
            return "ERR usage: GET key"
        return f"VALUE {store[parts[1]]}" if parts[1] in store else "NOT_FOUND"
    if command == "DEL":
        if len(parts) < 2:
            return "ERR usage: DEL key"
        return "DELETED" if store.pop(parts[1], None) is not None else "NOT_FOUND"   # extra words ignored
    if command == "QUIT":
        return "BYE" if len(parts) == 1 else "ERR usage: QUIT"
    return "ERR unknown command"


async def serve(host, port):
    store = {}

    async def handle(reader, writer):
        try:
            while line := await reader.readline():
                answer = reply(store, line)
                writer.write(answer.encode() + b"\n")
                await writer.drain()
                if answer == "BYE":
                    break
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
