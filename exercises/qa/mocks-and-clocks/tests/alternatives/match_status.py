"""Current temperatures from a weather service, with a short cache."""

from time import monotonic

BASE_URL = "https://weather.example.com/v1"
TIMEOUT = 5  # seconds


class CityNotFound(Exception):
    """The service does not know the city."""


class ServiceError(Exception):
    """The service failed."""


def _ask(http, city):
    """One GET of the service's current conditions for `city`."""
    url = BASE_URL + "/current"
    query = {"city": city}
    return http.get(url, params=query, timeout=TIMEOUT)


def fetch_temperature(http, city):
    """The current temperature in `city`, in °C rounded to one decimal."""
    answer = _ask(http, city)
    status = answer.status_code
    match status:
        case 200:
            body = answer.json()
            return round(body["temp_c"], 1)
        case 404:
            raise CityNotFound(city)
    raise ServiceError(f"the weather service answered {status}")


class CachedWeather:
    """Temperatures by city, fetched from the service at most once per `ttl` seconds per city."""

    def __init__(self, http, ttl=600):
        self.http = http
        self.ttl = ttl
        self.cache = {}  # city -> (monotonic() when fetched, temperature)

    def _fresh(self, city, now):
        """The cached temperature of `city` if it is younger than ttl at `now`, else None."""
        entry = self.cache.get(city)
        if entry is None:
            return None
        fetched_at, value = entry
        return (value,) if now - fetched_at < self.ttl else None

    def temperature(self, city):
        now = monotonic()
        kept = self._fresh(city, now)
        if kept is not None:
            return kept[0]
        value = fetch_temperature(self.http, city)
        self.cache[city] = (now, value)
        return value
