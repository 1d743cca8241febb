import csv
import io
import re
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
HEADER = ["timestamp", "temperature", "humidity", "light"]
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00")
names = iter(f"log-{n}.csv" for n in range(1000))


def log(submission, device, count, fault="the line was clean", path=None):
    """Call log_readings into a new file; return (rows without header, whole rows, start, end)."""
    path = path or next(names)
    started = datetime.now(timezone.utc)
    try:
        text = submission.log_readings(PORT, path, count)
    except LearnerTimeout:
        pytest.fail(f"log_readings() never returned while {fault}")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"log_readings() raised {kind} while {fault}; skip lines parse_reading rejects")
    finished = datetime.now(timezone.utc)
    assert isinstance(text, str), "log_readings() must return the whole text of the file, as a str"
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows, "log_readings() returned empty text; return the text of the whole file"
    assert all(rows), "the file has blank lines; open it with newline='' for the csv module"
    assert rows[0] == HEADER, "the file must start with the header row timestamp,temperature,humidity,light"
    assert all(len(row) == 4 for row in rows), "every row must have exactly 4 columns"
    return rows, started, finished


def stamps(rows):
    found = []
    for row in rows:
        assert STAMP.fullmatch(row[0]), (
            "a timestamp is not in ISO 8601 UTC with milliseconds, like 2026-11-21T20:46:32.123+00:00; use "
            "datetime.now(timezone.utc).isoformat(timespec='milliseconds')"
        )
        found.append(datetime.fromisoformat(row[0]))
    return found


def indices(device, rows, first):
    window = {}
    for index in range(max(0, first - 3), first + 300):
        values = device.reading(index)
        window.setdefault((values["T"], values["H"], int(values["L"])), index)
    found = []
    for row in rows:
        try:
            key = (float(row[1]), float(row[2]), int(row[3]))
        except ValueError:
            raise AssertionError("temperature and humidity must be numbers and light a whole number") from None
        found.append(window.get(key))
    return found


def test_values_in_order(submission, device):
    """logs the sensor's next readings, in order, one row each"""
    first = device.state()["sent"]
    rows, _, _ = log(submission, device, 5)
    assert len(rows) == 6, "logging 5 readings must add exactly 5 rows under the header"
    found = indices(device, rows[1:], first)
    assert None not in found, "a row's values are not those of a line the sensor sent"
    assert all(b == a + 1 for a, b in zip(found, found[1:])), "a reading was skipped or repeated"


@pytest.mark.points(2)
def test_appends_with_one_header(submission, device):
    """a second run appends its rows under the first, without a second header"""
    path = next(names)
    log(submission, device, 2, path=path)
    text = submission.log_readings(PORT, path, 3)
    lines = [line for line in str(text).splitlines() if line]
    assert len(lines) >= 5, (
        "after logging 2 and then 3 readings into the same file it must hold 5 rows; open the file in append "
        "mode ('a') so a second run does not erase the first"
    )
    rows, _, _ = log(submission, device, 1, path=path)
    headers = sum(row == HEADER for row in rows)
    assert headers == 1, (
        "the file must have exactly one header row after three runs; write the header only into a new or empty file"
    )
    assert len(rows) == 7, "after logging 2, 3 and 1 readings into the same file it must hold 6 rows"


@pytest.mark.points(2)
def test_utc_timestamps(submission, device):
    """timestamps are ISO 8601 in UTC, taken while logging"""
    rows, started, finished = log(submission, device, 3)
    for when in stamps(rows[1:]):
        assert when.utcoffset() == timedelta(0), "timestamps must be in UTC (+00:00)"
        assert started - timedelta(seconds=1) <= when <= finished + timedelta(seconds=1), (
            "a timestamp is not the time the reading arrived; take datetime.now(timezone.utc) when each line "
            "arrives"
        )
    assert stamps(rows[1:]) == sorted(stamps(rows[1:])), "timestamps must not go backwards"


@pytest.mark.points(2)
def test_time_of_each_line(submission, device):
    """each row's timestamp is the moment its line arrived"""
    device.fault("delay", 0.3)  # a line every 0.4 s or so
    rows, _, _ = log(submission, device, 4, "the sensor was slow")
    times = stamps(rows[1:])
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.2, (
        "the sensor sent a line every 0.4 s, but some rows have (nearly) the same time; take the timestamp "
        "for each line right after it arrives, not once per run or after the loop"
    )


@pytest.mark.points(2)
def test_noise_not_logged(submission, device):
    """lines damaged by noise are not logged"""
    device.fault("noise", 0.4)
    rows, _, _ = log(submission, device, 6, "the sensor sent corrupted lines (noise)")
    assert len(rows) == 7, "log 6 valid readings: skip damaged lines, they do not count"
    for row in rows[1:]:
        try:
            values = float(row[1]), float(row[2]), int(row[3])
        except ValueError:
            raise AssertionError("a damaged line was logged; log only readings parse_reading accepts") from None
        assert 15 <= values[0] <= 25 and 25 <= values[1] <= 55 and 190 <= values[2] <= 810, (
            "a damaged line was logged; check each line with parse_reading and log only valid readings"
        )


def test_banner_not_logged(submission, device):
    """the boot banner is not logged when the sensor resets"""
    timer = threading.Timer(0.25, device.fault, ("reset",))
    timer.start()
    rows, _, _ = log(submission, device, 6, "the sensor reset and printed its banner")
    timer.join()
    assert not any("READY" in ",".join(row) for row in rows), "the banner was logged; log only valid readings"
    assert len(rows) == 7, "log_readings(port, path, 6) must add exactly 6 rows"
    time.sleep(0.05)
