"""Simulated serial devices: one module per device, each a `Device` subclass registered by name.

A device runs outside the learner's sandbox on the master side of a pseudo-terminal; the learner's
code opens the other side as an ordinary serial port. The device records every byte in both
directions with a timestamp, and faults can be switched on per test.

Contract: a subclass implements `on_bytes(data)` (what the learner sent) and may implement
`tick(now)` (called about every 10 ms, for streaming devices) and `boot()`. It talks with `write()`.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import random
import select
import termios
import threading
import time
import tty
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

FAULTS = ("noise", "partial", "delay", "reset", "disconnect", "baud")
TICK = 0.01
SPEEDS = {rate: getattr(termios, f"B{rate}") for rate in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
          if hasattr(termios, f"B{rate}")}  # baud rate -> termios speed code
BAUDS = {code: rate for rate, code in SPEEDS.items()}


@dataclass
class TraceEvent:
    t: float  # seconds since the device started
    dir: str  # "rx": the device received it from the learner; "tx": the device sent it
    data: str  # the bytes, decoded as latin-1 so every byte shows
    fault: str | None = None


@dataclass
class Device:
    """Base class. `name` is what exercise.toml and `learnpath device NAME` use."""

    name: ClassVar[str] = ""
    baud: int = 9600
    seed: int = 0
    faults: dict[str, float] = field(default_factory=dict)
    trace: list[TraceEvent] = field(default_factory=list)
    fd: int = -1
    started: float = field(default_factory=time.monotonic)
    rng: random.Random = field(default_factory=random.Random)
    silent_until: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    # what subclasses implement -------------------------------------------------------------------

    def boot(self) -> None:
        """Called when the device starts and after a reset."""

    def on_bytes(self, data: bytes) -> None:
        """Bytes the learner's code sent."""

    def tick(self, now: float) -> None:
        """Called about every 10 ms."""

    def state(self) -> dict[str, Any]:
        """The device's state as plain data, for tests (LED, relay, ...)."""
        return {}

    # shared machinery ----------------------------------------------------------------------------

    def elapsed(self) -> float:
        return round(time.monotonic() - self.started, 4)

    def fault(self, name: str, rate: float = 1.0) -> None:
        """Switch a fault on (`rate` is its probability or strength); `rate=0` switches it off."""
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; use one of {', '.join(FAULTS)}")
        if rate:
            self.faults[name] = rate
        else:
            self.faults.pop(name, None)
        if name == "reset" and rate:
            self.reset()
        if name == "disconnect" and rate:
            self.silent_until = time.monotonic() + max(rate, 0.5)
            self.trace.append(TraceEvent(self.elapsed(), "tx", "", "disconnect"))

    def reset(self) -> None:
        self.trace.append(TraceEvent(self.elapsed(), "tx", "", "reset"))
        self.boot()

    def reconnect(self, timeout: float = 1.0) -> None:
        """End a `disconnect` now: the device restarts as it does when a silence runs out, and this
        returns once it has (a test that has seen the learner's code give up need not wait out the rest)."""
        if not self.silent_until:
            return
        self.silent_until = time.monotonic()
        deadline = time.monotonic() + timeout
        while self.silent_until and time.monotonic() < deadline:
            time.sleep(TICK / 2)

    def write(self, data: bytes) -> None:
        """Send bytes to the learner, applying the faults that are on."""
        if time.monotonic() < self.silent_until:
            return
        fault = None
        if self.baud_mismatch():
            data, fault = bytes(self.rng.randrange(256) for _ in data), "baud"
        elif self.rng.random() < self.faults.get("noise", 0.0):
            data, fault = self._corrupt(data), "noise"
        elif self.rng.random() < self.faults.get("partial", 0.0) and len(data) > 2:
            data, fault = data[: self.rng.randrange(1, len(data) - 1)], "partial"
        if self.faults.get("delay"):
            time.sleep(min(self.faults["delay"], 5.0))
            fault = fault or "delay"
        with self.lock:
            self.trace.append(TraceEvent(self.elapsed(), "tx", data.decode("latin-1"), fault))
        # When nobody reads and the buffer is full, data is lost, as on a real line.
        with contextlib.suppress(OSError):
            os.write(self.fd, data)

    def _corrupt(self, data: bytes) -> bytes:
        noisy = bytearray(data)
        for _ in range(max(1, len(noisy) // 8)):
            index = self.rng.randrange(len(noisy))
            if noisy[index] != 0x0A:
                noisy[index] = self.rng.randrange(33, 127)
        return bytes(noisy)

    def baud_mismatch(self) -> bool:
        """True when the learner opened the port at another speed than the device's."""
        if self.faults.get("baud"):
            return True
        try:
            speed = termios.tcgetattr(self.fd)[5]
        except termios.error:
            return False
        rate = BAUDS.get(speed)
        return rate is not None and rate != self.baud

    def record(self) -> list[dict[str, Any]]:
        with self.lock:
            return [event.__dict__.copy() for event in self.trace]

    def received(self) -> bytes:
        """Everything the learner's code sent, in order."""
        with self.lock:
            return "".join(e.data for e in self.trace if e.dir == "rx").encode("latin-1")

    def start(self, fd: int, stop: threading.Event) -> threading.Thread:
        """Run the device on the master side of a pty, in a thread, until `stop` is set.

        The pty is made raw and set to the device's speed here, before anyone is told its port: the
        terminal settings are shared by both sides, so doing it later could undo the speed the
        learner's code set on opening. A new pty runs at 38400 baud; left so, whatever the device
        sent before the learner's code set its speed would count as sent at the wrong one.
        """
        self.fd = fd
        self.rng.seed(self.seed)
        with contextlib.suppress(termios.error):
            tty.setraw(fd)
            speed = SPEEDS.get(self.baud)
            if speed is not None:
                attributes = termios.tcgetattr(fd)
                attributes[4] = attributes[5] = speed
                termios.tcsetattr(fd, termios.TCSANOW, attributes)
        os.set_blocking(fd, False)
        thread = threading.Thread(target=self._serve, args=(stop,), name=f"device-{self.name}", daemon=True)
        thread.start()
        return thread

    def _serve(self, stop: threading.Event) -> None:
        fd = self.fd
        self.boot()
        while not stop.is_set():
            ready, _, _ = select.select([fd], [], [], TICK)
            if ready:
                try:
                    data = os.read(fd, 4096)
                except BlockingIOError:
                    data = b""
                except OSError:  # no one has the port open right now
                    time.sleep(TICK)
                    continue
                if data and time.monotonic() >= self.silent_until:
                    with self.lock:
                        self.trace.append(TraceEvent(self.elapsed(), "rx", data.decode("latin-1")))
                    self.on_bytes(data)
            if self.silent_until and time.monotonic() >= self.silent_until:
                self.faults.pop("disconnect", None)
                self.reset()
                self.silent_until = 0.0  # last: `reconnect` returns once the restart is done
            self.tick(time.monotonic())


class LineDevice(Device):
    """A device that speaks in text lines ending with \\n."""

    pending: bytes = b""

    def on_bytes(self, data: bytes) -> None:
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self.on_line(line.strip(b"\r").decode("ascii", "replace"))

    def on_line(self, line: str) -> None:
        """One line the learner sent, without its line ending."""

    def send_line(self, text: str) -> None:
        self.write(text.encode("ascii") + b"\r\n")


@cache
def devices() -> dict[str, type[Device]]:
    found: dict[str, type[Device]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        device = getattr(module, "DEVICE", None)
        if isinstance(device, type) and issubclass(device, Device):
            found[device.name] = device
    return found


def make_device(name: str, **options: Any) -> Device:
    try:
        device_class = devices()[name]
    except KeyError:
        raise ValueError(f"unknown device {name!r}; use one of {', '.join(sorted(devices()))}") from None
    return device_class(**options)


@contextlib.contextmanager
def on_local_pty(device: Device) -> Iterator[tuple[str, threading.Thread]]:
    """Serve `device` on a new local pty while the block runs; yields the port path and the thread.

    The slave side stays open here, so code that opens and closes the port does not end the pty.
    """
    master, slave = os.openpty()
    stop = threading.Event()
    thread = device.start(master, stop)
    try:
        yield os.ttyname(slave), thread
    finally:
        stop.set()
        thread.join(1)
        os.close(master)
        os.close(slave)


def run_on_local_pty(name: str, faults: dict[str, float], options: dict[str, Any], announce: Any = print) -> None:
    """Run a device on a new local pty until interrupted, printing the port learners' code should open."""
    device = make_device(name, **options)
    with on_local_pty(device) as (port, thread):
        for fault, rate in faults.items():
            device.fault(fault, rate)
        announce(f"{name} is listening on {port}  (serial.Serial({port!r}, {device.baud}, timeout=1))")
        announce("press Ctrl+C to stop")
        try:
            while thread.is_alive():
                thread.join(0.5)
        except KeyboardInterrupt:
            pass
