"""Do serial exercises talk to a simulated device over a real pty, with faults and a trace?"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import serial
from gradekit import Settings, grade, load_exercise
from gradekit.devices import make_device
from learnpath.learn.feedback import serial_trace

FRAGILE = """
import serial

def read_temperatures(port, count):
    with serial.Serial(port, 9600, timeout=1) as link:
        link.reset_input_buffer()
        values = []
        while len(values) < count:
            line = link.readline().decode('ascii', 'replace').strip()
            if line.startswith('T='):
                values.append(float(line.split(',')[0][2:]))
        return values
"""


@pytest.fixture
def sensor(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "sensor")


def test_reference_passes_with_a_serial_trace_per_shown_test(sensor):
    """Does the reference pass, with a serial trace attached to each test that used the device and
    shows its detail (the visible one, the hidden one marked `reveal`), and none to the other hidden one?"""
    report = grade(sensor, sensor.solution_files(), Settings())
    assert report["status"] == "pass", report
    traces = {a["test"].split("::")[1]: a for a in report["artifacts"]
              if a["media_type"] == "application/vnd.learnpath.serial-trace+json"}
    assert set(traces) == {"test_three", "test_noise_is_skipped"}
    events = json.loads(base64.b64decode(traces["test_noise_is_skipped"]["data"]))
    assert any(e["fault"] == "noise" for e in events) and {e["dir"] for e in events} == {"tx"}
    rows, cut = serial_trace(traces["test_noise_is_skipped"]["data"])  # as the feedback panel draws it
    assert len(rows) == len(events) and not cut


def test_fragile_code_fails_under_noise(sensor):
    """Does code that trusts every line fail when the line is noisy?"""
    report = grade(sensor, {"sensor.py": FRAGILE}, Settings())
    noisy = next(t for t in report["tests"] if t["name"] == "skips corrupted lines")
    assert noisy["status"] == "fail"


def test_wrong_baud_rate_is_caught(sensor):
    """Does opening the port at the wrong speed give garbage and fail?"""
    wrong = sensor.solution_files()["sensor.py"].replace("9600", "115200")
    report = grade(sensor, {"sensor.py": wrong}, Settings())
    assert report["status"] == "fail"


@pytest.fixture
def fast_sensor():
    """A sensor sending a reading every 10 ms on a pty of this process, and the pty's port."""
    device = make_device("arduino-sensor", interval=0.01)
    master, slave = os.openpty()
    stop = threading.Event()
    device.start(master, stop)
    yield device, os.ttyname(slave)
    stop.set()
    os.close(slave)


def test_only_the_learners_speed_counts_as_a_baud_fault(fast_sensor):
    """Is what the device sent before the learner's code opened the port never taken for a wrong speed?"""
    device, port = fast_sensor
    time.sleep(0.1)  # readings sent while nobody had the port open
    with serial.Serial(port, 9600, timeout=1) as link:
        assert link.readline().startswith(b"T=")
    assert not [event for event in device.record() if event["fault"] == "baud"]
    with serial.Serial(port, 115200, timeout=1) as link:
        link.readline()
    assert [event for event in device.record() if event["fault"] == "baud"]


def test_the_device_runs_on_a_local_pty_for_learners():
    """Can a learner talk to `learnpath device` from a plain terminal with PySerial?"""
    process = subprocess.Popen([sys.executable, "-m", "gradekit.cli", "device", "command-board"],
                               stdout=subprocess.PIPE, text=True)
    try:
        port = re.search(r"listening on (\S+)", process.stdout.readline()).group(1)
        with serial.Serial(port, 9600, timeout=2) as link:
            time.sleep(0.2)
            link.reset_input_buffer()
            link.write(b"ID?\n")
            assert link.readline().strip() == b"LP-BOARD-01 FW2.4"
            link.write(b"LED ON\n")
            assert link.readline().strip() == b"OK"
    finally:
        process.terminate()
        process.wait(10)
        process.stdout.close()


def test_framed_device_naks_a_bad_checksum():
    """Does the binary device answer a corrupted frame with a NAK, and a good one with its reply?"""
    from gradekit.devices.framed import frame

    device = make_device("framed")
    master, slave = os.openpty()
    stop = threading.Event()
    device.start(master, stop)
    try:
        with serial.Serial(os.ttyname(slave), 9600, timeout=2) as link:
            link.write(frame(0x01)[:-1] + b"\x7f")
            assert link.read(4) == frame(0x15)
            link.write(frame(0x01))
            assert link.read(8) == frame(0x81, b"PONG")
    finally:
        stop.set()
        os.close(slave)


def test_a_reconnected_device_restarts_at_once_and_talks_again(fast_sensor):
    """Does `reconnect` end a long silence now, with the restart done when it returns?"""
    device, port = fast_sensor
    with serial.Serial(port, 9600, timeout=0.3) as link:
        device.fault("disconnect", 600)
        time.sleep(0.05)
        link.reset_input_buffer()
        assert link.readline() == b"", "a disconnected device sends nothing"
        device.reconnect()
        faults = [event["fault"] for event in device.record() if event["fault"]]
        assert faults[-2:] == ["disconnect", "reset"]
        assert not device.silent_until
        lines = [link.readline() for _ in range(5)]
        assert any(line.startswith(b"T=") for line in lines), lines
