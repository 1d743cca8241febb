PORT = "/dev/ttyACM0"


def test_decide_below(submission):
    """decide() switches on below the band"""
    assert submission.decide(19.0, False, 20.0, 0.5) is True


def test_decide_inside(submission):
    """decide() keeps the relay as it is inside the band"""
    assert submission.decide(20.2, True, 20.0, 0.5) is True
    assert submission.decide(20.2, False, 20.0, 0.5) is False


def test_heats_a_cold_box(submission, device):
    """regulate() switches the heater on in a cold box, and off at the end"""
    device.set_temperature(18.0)
    readings = submission.regulate(PORT, 20.0, band=0.5, duration=1.0)
    assert isinstance(readings, list) and readings, "regulate() must return the temperatures it read"
    assert any(s["command"] == "RELAY ON" for s in device.state()["switches"]), "the box was cold: switch ON"
    assert device.state()["relay"] is False, "the heater must be off when regulate() returns"
