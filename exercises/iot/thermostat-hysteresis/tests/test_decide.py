import pytest


@pytest.mark.parametrize("relay_on", [True, False])
def test_outside_the_band(submission, relay_on):
    """decide() is on below the band and off above it, whatever the relay was"""
    assert submission.decide(18.0, relay_on, 20.0, 0.5) is True, "below setpoint - band the heater must be on"
    assert submission.decide(21.3, relay_on, 20.0, 0.5) is False, "above setpoint + band the heater must be off"


def test_inside_the_band(submission):
    """decide() leaves the relay alone anywhere inside the band"""
    for temperature in (19.6, 20.0, 20.4):
        assert submission.decide(temperature, True, 20.0, 0.5) is True, (
            "inside the band a heater that is on stays on (no switching around the setpoint)"
        )
        assert submission.decide(temperature, False, 20.0, 0.5) is False, (
            "inside the band a heater that is off stays off (no switching around the setpoint)"
        )


def test_band_ends(submission):
    """decide() counts the ends of the band as inside"""
    assert submission.decide(19.5, False, 20.0, 0.5) is False, "exactly setpoint - band is inside the band"
    assert submission.decide(20.5, True, 20.0, 0.5) is True, "exactly setpoint + band is inside the band"


def test_other_band(submission):
    """decide() uses the setpoint and band it is given"""
    assert submission.decide(63.5, False, 65.0, 2.0) is False, (
        "with another setpoint and band, a temperature inside setpoint ± band keeps the relay off"
    )
    assert submission.decide(62.9, False, 65.0, 2.0) is True, (
        "with another setpoint and band, a temperature below setpoint - band switches on"
    )
    assert submission.decide(67.1, True, 65.0, 2.0) is False, (
        "with another setpoint and band, a temperature above setpoint + band switches off"
    )
