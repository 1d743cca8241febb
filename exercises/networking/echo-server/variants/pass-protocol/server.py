import asyncio


class Echo(asyncio.Protocol):
    """The callback style: the loop calls data_received with whatever bytes arrived."""

    def connection_made(self, transport):
        self.transport = transport
        self.pending = b""

    def data_received(self, data):
        self.pending += data
        *lines, self.pending = self.pending.split(b"\n")
        for line in lines:
            self.transport.write(line + b"\n")

    def pause_writing(self):
        self.transport.pause_reading()  # the client reads none of its echoes: stop reading its lines

    def resume_writing(self):
        self.transport.resume_reading()

    def eof_received(self):
        if self.pending:
            self.transport.write(self.pending)
        self.transport.close()
        return True


async def serve(host, port):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, host, port)
    async with server:
        await server.serve_forever()
