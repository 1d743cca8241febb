from unittest.mock import Mock

import pytest

import weather


@pytest.fixture
def http():
    client = Mock()
    client.get.return_value = Mock(status_code=200, json=Mock(return_value={"temp_c": 21.37}))
    return client


def test_fetch(http):
    assert weather.fetch_temperature(http, "Oslo") == 21.4
    http.get.assert_called_once_with(
        "https://weather.example.com/v1/current", params={"city": "Oslo"}, timeout=5)


def test_the_cache_fetches_again_after_ttl(http, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    cached = weather.CachedWeather(http, ttl=600)
    cached.temperature("Oslo")
    now[0] += 600
    cached.temperature("Oslo")
    assert http.get.call_count == 2
