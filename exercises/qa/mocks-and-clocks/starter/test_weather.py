from unittest.mock import Mock

import pytest

import weather


def ok_response(temp_c):
    """A fake HTTP response: status 200 and a JSON body."""
    return Mock(status_code=200, json=Mock(return_value={"temp_c": temp_c}))


def test_fetch_reads_the_temperature():
    http = Mock()
    http.get.return_value = ok_response(21.37)
    assert weather.fetch_temperature(http, "Oslo") == 21.4


# Check how the service is called, the error answers, and the cache with a fake clock.
