import asyncio

MAX_FRAME = 1_048_576


def encode_frame(payload):
    payload = bytes(payload)
    if len(payload) > MAX_FRAME:
        raise ValueError("too long")
    return len(payload).to_bytes(4, "big") + payload


class ReverseProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = bytearray()

    def data_received(self, data):
        self.buffer += data
        while len(self.buffer) >= 4:
            length = int.from_bytes(self.buffer[:4], "big")
            if length > MAX_FRAME:
                self.transport.close()
                self.buffer.clear()
                return
            if len(self.buffer) < 4 + length:
                return
            payload = bytes(self.buffer[4:4 + length])
            del self.buffer[:4 + length]
            self.transport.write(encode_frame(payload[::-1]))

    def eof_received(self):
        self.transport.close()
        return True


async def serve(host, port):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(ReverseProtocol, host, port)
    async with server:
        await server.serve_forever()
