"""Descriptor bridging for sandboxes that cannot inherit file descriptors (containers).

The worker listens on one Unix socket per descriptor in a private folder mounted into the
container; the sandbox's first code connects to each socket and puts it on the descriptor number
it would have inherited (`LEARNPATH_FD_SOCKETS="3=/run/learnpath/3.sock,..."`). The worker relays
bytes between each socket and its own end, in the direction the descriptor allows.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import shutil
import socket
import tempfile
import threading
from pathlib import Path

ENV = "LEARNPATH_FD_SOCKETS"
INSIDE = "/run/learnpath"
ACCEPT_TIMEOUT = 60.0


class FdBridge:
    """Listens for the sandbox's connections and relays each to the descriptor it stands for."""

    def __init__(self, fds: tuple[int, ...], uid: int | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="learnpath-fds-"))
        self.listeners: dict[int, socket.socket] = {}
        for fd in fds:
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(str(self.folder / f"{fd}.sock"))
            listener.listen(1)
            self.listeners[fd] = listener
        if uid is not None:
            os.chown(self.folder, uid, uid)
            for fd in fds:
                os.chown(self.folder / f"{fd}.sock", uid, uid)
        self.folder.chmod(0o700)
        self.fds = {fd: os.dup(fd) for fd in fds}  # the caller may close its copies right after start
        self.threads = [threading.Thread(target=self._serve, args=(fd,), daemon=True) for fd in fds]
        for thread in self.threads:
            thread.start()

    @property
    def env(self) -> dict[str, str]:
        """The environment a container needs, with the folder mounted at `INSIDE`."""
        return self.env_at(INSIDE)

    def env_at(self, folder: str) -> dict[str, str]:
        """The environment for a process that sees the socket folder at `folder`."""
        return {ENV: ",".join(f"{fd}={folder}/{fd}.sock" for fd in self.listeners)}

    def _serve(self, fd: int) -> None:
        listener = self.listeners[fd]
        listener.settimeout(ACCEPT_TIMEOUT)
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            relay(self.fds[fd], connection)

    def close(self) -> None:
        for listener in self.listeners.values():
            listener.close()
        for fd in self.fds.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self.fds.clear()
        shutil.rmtree(self.folder, ignore_errors=True)


def relay(fd: int, connection: socket.socket) -> None:
    """Copy bytes between `fd` and `connection` until either side closes."""
    mode = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
    sources = {connection.fileno(): fd} if mode == os.O_WRONLY else {fd: connection.fileno()}
    if mode == os.O_RDWR:
        sources[connection.fileno()] = fd
    while sources:
        ready, _, _ = select.select(list(sources), [], [])
        for source in ready:
            try:
                data = os.read(source, 65536)
            except OSError:
                data = b""
            if not data:
                target = sources.pop(source)
                with contextlib.suppress(OSError):
                    if target == connection.fileno():
                        connection.shutdown(socket.SHUT_WR)
                    elif mode == os.O_WRONLY:
                        os.close(target)
                continue
            with contextlib.suppress(OSError):
                os.write(sources[source], data)


def connect_inherited() -> None:
    """Inside the sandbox: turn each bridged socket into the descriptor it stands for."""
    spec = os.environ.pop(ENV, "")
    for item in filter(None, spec.split(",")):
        number, _, path = item.partition("=")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(path)
        os.dup2(sock.fileno(), int(number))
        sock.close()
