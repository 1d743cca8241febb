from unittest.mock import Mock

import pytest

import weather


def answer(status, temp_c=None):
    return Mock(status_code=status, json=Mock(return_value={"temp_c": temp_c}))


def test_fetch():
    http = Mock()
    http.get.return_value = answer(200, 21.37)
    assert weather.fetch_temperature(http, "Oslo") == 21.4


def test_not_found():
    http = Mock()
    http.get.return_value = answer(404)
    with pytest.raises(weather.CityNotFound):
        weather.fetch_temperature(http, "Atlantis")


def test_cache_expires(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(weather, "monotonic", lambda: now[0])
    http = Mock()
    http.get.return_value = answer(200, 10.0)
    cached = weather.CachedWeather(http, ttl=60)
    cached.temperature("Oslo")
    now[0] = 3600
    cached.temperature("Oslo")
    assert http.get.call_count == 2
