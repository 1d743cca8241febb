"""Current temperatures from a weather service, with a short cache."""

from time import monotonic

BASE_URL = "https://weather.example.com/v1"
TIMEOUT = 5  # seconds


class CityNotFound(Exception):
    """The service does not know the city."""


class ServiceError(Exception):
    """The service failed."""


def fetch_temperature(http, city):
    """The current temperature in `city`, in °C rounded to one decimal.

    `http` is an HTTP client object such as a `requests.Session` or an `httpx.Client`. This calls
    `http.get(f"{BASE_URL}/current", params={"city": city}, timeout=TIMEOUT)` once and reads the
    response's `status_code` and `json()`; a 200 answer's JSON is like {"temp_c": 21.37}.
    Raises CityNotFound for a 404 answer and ServiceError for any other status but 200.
    """
    response = http.get(f"{BASE_URL}/current", params={"city": city}, timeout=TIMEOUT)
    if response.status_code == 404:
        raise CityNotFound(city)
    if response.status_code != 200:
        raise ServiceError(f"the weather service answered {response.status_code}")
    return round(response.json()["temp_c"], 1)


class CachedWeather:
    """Temperatures by city, fetched from the service at most once per `ttl` seconds per city.

    A temperature fetched when monotonic() was t is answered from the cache while
    monotonic() - t < ttl; once `ttl` seconds have passed, the next question fetches it again.
    """

    def __init__(self, http, ttl=600):
        self.http = http
        self.ttl = ttl
        self.cache = {}  # city -> (monotonic() when fetched, temperature)

    def temperature(self, city):
        now = monotonic()
        if city in self.cache:
            fetched_at, value = self.cache[city]
            if now - fetched_at < self.ttl:
                return value
        value = fetch_temperature(self.http, city)
        self.cache[city] = (now, value)
        return value
