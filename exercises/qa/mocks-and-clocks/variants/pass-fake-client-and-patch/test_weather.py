from unittest import mock

import pytest

import weather


class FakeResponse:
    def __init__(self, status, body):
        self.status_code = status
        self.body = body

    def json(self):
        return self.body


class FakeHttp:
    """Answers from a table of city -> (status, body) and records every call."""

    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def get(self, url, **kwargs):
        self.calls.append((url, kwargs))
        return FakeResponse(*self.answers[kwargs["params"]["city"]])


def test_request_shape():
    http = FakeHttp({"Rome": (200, {"temp_c": 18.04})})
    assert weather.fetch_temperature(http, "Rome") == 18.0
    assert http.calls == [(weather.BASE_URL + "/current", {"params": {"city": "Rome"}, "timeout": weather.TIMEOUT})]


@pytest.mark.parametrize(("status", "error"), [(404, weather.CityNotFound), (500, weather.ServiceError)])
def test_errors(status, error):
    http = FakeHttp({"X": (status, {"temp_c": 1.0})})
    with pytest.raises(error):
        weather.fetch_temperature(http, "X")


def test_cache_expiry_boundary():
    http = FakeHttp({"Rome": (200, {"temp_c": 18.0}), "Lima": (200, {"temp_c": 25.0})})
    with mock.patch("weather.monotonic", side_effect=[0.0, 9.0, 10.0, 10.0]):
        cached = weather.CachedWeather(http, ttl=10)
        cached.temperature("Rome")
        cached.temperature("Rome")
        assert len(http.calls) == 1
        cached.temperature("Rome")
        assert len(http.calls) == 2
        assert cached.temperature("Lima") == 25.0
