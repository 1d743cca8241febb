import asyncio

USAGE = {"SET": "SET key value", "GET": "GET key", "DEL": "DEL key", "QUIT": "QUIT"}


def reply(store, line):
    """The reply (without "\\n") to one command line (bytes, "\\n" removed)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return "ERR invalid utf-8"
    command, _, rest = text.partition(" ")
    command = command.upper()
    if command not in USAGE:
        return "ERR unknown command"
    usage = f"ERR usage: {USAGE[command]}"
    if command == "SET":
        key, _, value = rest.partition(" ")
        if not key or not value:
            return usage
        store[key] = value
        return "OK"
    if command == "QUIT":
        return usage if rest else "BYE"
    if not rest or " " in rest:  # GET and DEL take exactly one key
        return usage
    if command == "GET":
        return f"VALUE {store[rest]}" if rest in store else "NOT_FOUND"
    return "DELETED" if store.pop(rest, None) is not None else "NOT_FOUND"


async def serve(host, port):
    """Run the key-value server on host:port until cancelled."""
    store = {}

    async def handle(reader, writer):
        try:
            while data := await reader.read(1024):  # a packet is not a command: it may hold half of one
                answers = [reply(store, line.rstrip(b"\r")) for line in data.split(b"\n") if line]
                writer.write("".join(a + "\n" for a in answers).encode())
                await writer.drain()
                if "BYE" in answers:
                    break
        finally:
            writer.close()
            await writer.wait_closed()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
