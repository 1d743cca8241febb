"""A heater in a small box: a temperature sensor and a relay that switches the heater.

Commands, one per line: `TEMP?` → `TEMP=20.53` (the measured temperature, with a little sensor
noise), `RELAY ON` / `RELAY OFF` → `OK`, `RELAY?` → `RELAY=ON|OFF`, `ID?` → the device's name.
While the heater is on the temperature rises by `heat_rate` °C per second; while it is off it
falls by `cool_rate` °C per second, down to `ambient`. The simulated clock follows real time
but advances at most 0.05 s per tick, so a stalled grader does not make the box jump in
temperature; tests call `set_temperature()` to start from a known state.

The device keeps, for tests: every relay command with the true temperature when it arrived, and
a sample of the true temperature about every 0.1 s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import LineDevice

BANNER = "THERMOSTAT READY"
MAX_STEP = 0.05  # seconds of simulated time per tick at most (a stalled thread must not make it jump)


@dataclass
class Thermostat(LineDevice):
    name = "thermostat"
    board_id: str = "LP-THERMO-1 FW1.0"
    temperature: float = 19.0
    ambient: float = 15.0
    heat_rate: float = 3.0
    cool_rate: float = 2.0
    sensor_noise: float = 0.05
    relay: bool = False
    clock: float = 0.0  # simulated seconds the device has run with the port open
    last_tick: float = 0.0
    next_sample: float = 0.0
    switches: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    def boot(self) -> None:
        self.relay = False
        self.last_tick = 0.0
        self.send_line(BANNER)

    def set_temperature(self, value: float, relay: bool = False) -> None:
        """Start from a known temperature (for tests); forgets the history and the switches."""
        with self.lock:
            self.temperature = float(value)
            self.relay = relay
            self.switches.clear()
            self.history.clear()
            self.commands.clear()
            self.next_sample = self.clock

    def tick(self, now: float) -> None:
        step = 0.0 if not self.last_tick else min(max(now - self.last_tick, 0.0), MAX_STEP)
        self.last_tick = now
        if not step:
            return
        with self.lock:
            self.clock += step
            if self.relay:
                self.temperature += self.heat_rate * step
            else:
                self.temperature = max(self.ambient, self.temperature - self.cool_rate * step)
            if self.clock >= self.next_sample:
                self.next_sample = self.clock + 0.1
                self.history.append({"t": round(self.clock, 3), "temperature": round(self.temperature, 3),
                                     "relay": self.relay})

    def on_line(self, line: str) -> None:
        command = line.strip()
        if not command:
            return
        words = command.upper().split()
        with self.lock:
            self.commands.append(command)
            reply = self.answer(words)
        self.send_line(reply)

    def answer(self, words: list[str]) -> str:
        match words:
            case ["TEMP?"]:
                measured = self.temperature + self.rng.uniform(-self.sensor_noise, self.sensor_noise)
                return f"TEMP={measured:.2f}"
            case ["RELAY", "ON" | "OFF" as value]:
                on = value == "ON"
                self.switches.append({"t": round(self.clock, 3), "command": f"RELAY {value}",
                                      "temperature": round(self.temperature, 3), "changed": on != self.relay})
                self.relay = on
                return "OK"
            case ["RELAY?"]:
                return f"RELAY={'ON' if self.relay else 'OFF'}"
            case ["ID?"]:
                return self.board_id
            case _:
                return "ERR UNKNOWN COMMAND"

    def state(self) -> dict[str, Any]:
        with self.lock:
            return {"temperature": round(self.temperature, 3), "relay": self.relay, "clock": round(self.clock, 3),
                    "switches": [dict(s) for s in self.switches], "history": [dict(h) for h in self.history],
                    "commands": list(self.commands)}


DEVICE = Thermostat
