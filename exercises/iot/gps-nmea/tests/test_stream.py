import threading

import pytest
from gradekit.devices.gps import ROUTE, sentence
from gradekit.remote import LearnerTimeout

PORT = "/dev/ttyACM0"
SOUTH_WEST = [(-34.603722, -58.381592), (-34.603901, -58.381200), (-34.604150, -58.380870)]
SOUTH_EAST = [(-33.856784, 151.215297), (-33.857010, 151.214960)]
DAMAGED_TIME = "235959.99"
NORTH_WEST = [(37.819929, -122.478255), (37.820410, -122.478600)]


def read(submission, device, count, fault):
    try:
        positions = submission.read_positions(PORT, count)
    except LearnerTimeout:
        pytest.fail(f"read_positions() never returned while {fault}")
    except Exception as exc:
        kind = getattr(exc, "type_name", type(exc).__name__)
        pytest.fail(f"read_positions() raised {kind} while {fault}; skip every line that is not a valid fix")
    assert isinstance(positions, list) and len(positions) == count, (
        "read_positions(port, count) must return a list of exactly `count` positions"
    )
    assert all(isinstance(p, dict) and set(p) == {"time", "latitude", "longitude"} for p in positions), (
        "each position must be a dict with the keys time, latitude and longitude"
    )
    return positions


def check_against_device(device, positions):
    fixes = {fix["time"]: fix for fix in device.state()["fixes"]}
    times = [p["time"] for p in positions]
    assert len(set(times)) == len(times), (
        "a time appears twice: GGA and RMC of one fix share their time, return one position per time"
    )
    assert times == sorted(times), "return the positions in the order they arrived"
    for position in positions:
        fix = fixes.get(position["time"])
        assert fix is not None, "a position's time is not a time the module sent"
        assert fix["valid"], "a position was returned for a time without a fix (GGA quality 0, RMC status V)"
        assert position["latitude"] == pytest.approx(fix["latitude"], abs=1e-6) and \
            position["longitude"] == pytest.approx(fix["longitude"], abs=1e-6), (
            "a position does not match what the module sent at that time; check the checksum of each sentence "
            "and convert degrees and minutes with the right signs"
        )


def test_positions_match(submission, device):
    """read_positions() returns the module's positions, one per time"""
    device.set_route(ROUTE)
    positions = read(submission, device, 6, "the module had a fix")
    check_against_device(device, positions)


@pytest.mark.points(2)
def test_every_hemisphere(submission, device):
    """read_positions() signs positions south of the equator and west of Greenwich"""
    for route, where in ((SOUTH_WEST, "in Buenos Aires"), (SOUTH_EAST, "in Sydney"), (NORTH_WEST, "in San Francisco")):
        device.set_route(route)
        positions = read(submission, device, 3, f"the module was {where}")
        check_against_device(device, positions)
    device.set_route(ROUTE)


@pytest.mark.points(2)
def test_noise(submission, device):
    """read_positions() throws away sentences damaged by noise"""
    device.set_route(ROUTE)
    damaged = sentence(f"GPGGA,{DAMAGED_TIME},4851.5022,N,00217.6689,E,1,08,0.9,35.0,M,46.9,M,,")
    damaged = damaged.replace("4851", "4858")  # one digit changed on the way: the checksum no longer matches
    timers = [threading.Timer(delay, device.send_line, (damaged,)) for delay in (0.1, 0.3, 0.5)]
    for timer in timers:
        timer.start()
    device.fault("noise", 0.3)
    positions = read(submission, device, 8, "sentences arrived damaged (noise)")
    for timer in timers:
        timer.join()
    assert DAMAGED_TIME not in [p["time"] for p in positions], (
        "a position came from a sentence whose checksum did not match; check every sentence's checksum"
    )
    check_against_device(device, positions)


@pytest.mark.points(2)
def test_lost_fix(submission, device):
    """read_positions() skips the times without a fix"""
    device.set_route(SOUTH_WEST)
    device.lose_fix(4)
    positions = read(submission, device, 4, "the module lost its fix for a moment")
    check_against_device(device, positions)
    device.set_route(ROUTE)


def test_restart(submission, device):
    """read_positions() skips the module's start-up message"""
    timer = threading.Timer(0.3, device.fault, ("reset",))
    timer.start()
    positions = read(submission, device, 5, "the module restarted and printed $PMTK011")
    timer.join()
    check_against_device(device, positions)
