import copy
import tomllib

DEFAULTS = {
    "server": {"host": "127.0.0.1", "port": 8000, "workers": 2, "debug": False},
    "database": {"url": "sqlite:///app.db", "pool_size": 5, "timeout": 30.0},
    "logging": {"level": "INFO"},
}


def load_config(path=None, env=None):
    """Defaults, then the TOML file at `path` (if any), then APP_* variables from `env`; validated."""
    # TODO
    raise NotImplementedError
