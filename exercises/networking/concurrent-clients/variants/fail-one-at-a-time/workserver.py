import asyncio
import math
import socket


def seconds(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 <= value <= 5 else None


async def serve(host, port):
    """Accepts a client, serves it to the end, then accepts the next one."""
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    listener.setblocking(False)
    try:
        while True:
            conn, _ = await loop.sock_accept(listener)
            await handle(loop, conn)  # the next client waits until this one is gone
    finally:
        listener.close()


async def handle(loop, conn):
    buffer = b""
    with conn:
        conn.setblocking(False)
        while True:
            data = await loop.sock_recv(conn, 4096)
            if not data:
                return
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                command, _, argument = line.decode("utf-8", "replace").strip().partition(" ")
                if command == "PING":
                    reply = "PONG"
                elif command == "WHO":
                    reply = "CLIENTS 1"
                elif command == "QUIT":
                    await loop.sock_sendall(conn, b"BYE\n")
                    return
                elif command == "WORK":
                    wait = seconds(argument)
                    if wait is None:
                        reply = "ERR usage: WORK seconds"
                    else:
                        await asyncio.sleep(wait)
                        reply = f"DONE {argument}"
                else:
                    reply = "ERR unknown command"
                await loop.sock_sendall(conn, reply.encode() + b"\n")
