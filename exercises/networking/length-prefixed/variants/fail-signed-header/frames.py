import asyncio
import struct

MAX_FRAME = 1_048_576


def encode_frame(payload):
    if len(payload) > MAX_FRAME:
        raise ValueError("payload too long")
    return struct.pack("!i", len(payload)) + payload


async def serve(host, port):
    async def handle(reader, writer):
        try:
            while True:
                header = await reader.readexactly(4)
                (length,) = struct.unpack("!i", header)      # signed: 0xFFFFFFFF reads as -1
                if length > MAX_FRAME:
                    break
                payload = await reader.readexactly(length)
                writer.write(encode_frame(payload[::-1]))
                await writer.drain()
        except asyncio.IncompleteReadError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, host, port)
    async with server:
        await server.serve_forever()
