import asyncio

MAX_FRAME = 1 << 20


def encode_frame(payload):
    size = len(payload)
    if size > MAX_FRAME:
        raise ValueError("payload too long")
    return size.to_bytes(4, "big") + bytes(payload)


class Reverser(asyncio.Protocol):
    """Bytes pile up in a buffer; whole frames are cut off its front as soon as they are there."""

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = bytearray()

    def data_received(self, data):
        self.buffer += data
        while len(self.buffer) >= 4:
            size = int.from_bytes(self.buffer[:4], "big")
            if size > MAX_FRAME:
                self.transport.close()
                return
            if len(self.buffer) < 4 + size:
                return
            payload = bytes(self.buffer[4 : 4 + size])
            del self.buffer[: 4 + size]
            self.transport.write(encode_frame(payload[::-1]))

    def eof_received(self):
        self.transport.close()
        return True


async def serve(host, port):
    server = await asyncio.get_running_loop().create_server(Reverser, host, port)
    async with server:
        await server.serve_forever()
