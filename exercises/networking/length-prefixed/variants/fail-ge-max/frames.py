import asyncio
import struct

MAX_FRAME = 1_048_576
HEADER = struct.Struct(">I")  # 4 bytes, unsigned, big-endian


def encode_frame(payload):
    """The 4-byte big-endian length of `payload`, followed by `payload`."""
    if len(payload) > MAX_FRAME:
        raise ValueError(f"a frame holds at most {MAX_FRAME} bytes, got {len(payload)}")
    return HEADER.pack(len(payload)) + bytes(payload)


async def read_frame(reader):
    """The next frame's payload; None at a clean end of stream or on a protocol error."""
    try:
        header = await reader.readexactly(HEADER.size)
        (length,) = HEADER.unpack(header)
        if length >= MAX_FRAME:
            return None
        return await reader.readexactly(length)
    except asyncio.IncompleteReadError:  # the stream ended, between frames or inside one
        return None


async def serve(host, port):
    """Answer every frame with a frame holding its payload reversed."""

    async def handle(reader, writer):
        try:
            while (payload := await read_frame(reader)) is not None:
                writer.write(encode_frame(payload[::-1]))
                await writer.drain()
        except ConnectionError:
            pass  # the client vanished
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
