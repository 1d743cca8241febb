import asyncio
import struct

MAX_FRAME = 1_048_576


def encode_frame(payload):
    """The 4-byte big-endian length of `payload`, followed by `payload`."""
    return payload  # TODO: the length prefix


async def serve(host, port):
    """Answer every frame with a frame holding its payload reversed."""

    async def handle(reader, writer):
        data = await reader.read(1024)  # TODO: read one frame at a time, until the end of the stream
        writer.write(encode_frame(data[::-1]))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
