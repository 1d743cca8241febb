from unittest.mock import Mock

import pytest

import weather


def response(status, body=None):
    return Mock(status_code=status, json=Mock(return_value=body))


@pytest.fixture
def http():
    client = Mock()
    client.get.return_value = response(200, {"temp_c": 21.37})
    return client


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(weather, "monotonic", fake)
    return fake


def test_fetch_rounds_the_temperature(http):
    assert weather.fetch_temperature(http, "Oslo") == 21.4


def test_fetch_asks_the_service_once_with_a_timeout(http):
    weather.fetch_temperature(http, "Oslo")
    http.get.assert_called_once_with(
        "https://weather.example.com/v1/current", params={"city": "Oslo"}, timeout=5)


def test_an_unknown_city_raises_city_not_found(http):
    http.get.return_value = response(404)
    with pytest.raises(weather.CityNotFound):
        weather.fetch_temperature(http, "Atlantis")


def test_a_server_error_raises_service_error(http):
    http.get.return_value = response(503, {"temp_c": 20.0})
    with pytest.raises(weather.ServiceError):
        weather.fetch_temperature(http, "Oslo")


def test_the_cache_answers_within_ttl(http, clock):
    cached = weather.CachedWeather(http, ttl=600)
    assert cached.temperature("Oslo") == 21.4
    clock.now += 599.9
    http.get.return_value = response(200, {"temp_c": 5.0})
    assert cached.temperature("Oslo") == 21.4
    assert http.get.call_count == 1


def test_the_cache_fetches_again_at_exactly_ttl(http, clock):
    cached = weather.CachedWeather(http, ttl=600)
    cached.temperature("Oslo")
    clock.now += 600
    http.get.return_value = response(200, {"temp_c": 5.0})
    assert cached.temperature("Oslo") == 5.0
    assert http.get.call_count == 2


def test_the_cache_keeps_each_city_apart(http, clock):
    cached = weather.CachedWeather(http)
    cached.temperature("Oslo")
    http.get.return_value = response(200, {"temp_c": 30.0})
    assert cached.temperature("Cairo") == 30.0
