import copy
import tomllib

DEFAULTS = {
    "server": {"host": "127.0.0.1", "port": 8000, "workers": 2, "debug": False},
    "database": {"url": "sqlite:///app.db", "pool_size": 5, "timeout": 30.0},
    "logging": {"level": "INFO"},
}

LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _check_type(key, value, default):
    """`value` converted to the type of `default`, or ValueError naming `key`."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif isinstance(value, str):
        return value
    raise ValueError(f"{key}: expected {type(default).__name__}, got {value!r}")


def _from_text(key, text, default):
    """Convert an environment string to the type of `default`, or ValueError naming `key`."""
    try:
        if isinstance(default, bool):
            lowered = text.strip().lower()
            if lowered in TRUE:
                return True
            if lowered in FALSE:
                return False
            raise ValueError
        if isinstance(default, int):
            return int(text)
        if isinstance(default, float):
            return float(text)
        return text
    except ValueError:
        raise ValueError(f"{key}: cannot read {text!r} as {type(default).__name__}") from None


def _validate(config):
    server, database, logging = config["server"], config["database"], config["logging"]
    if not 1 <= server["port"] <= 65535:
        raise ValueError(f"server.port: {server['port']} is not a port number (1-65535)")
    if server["workers"] < 1:
        raise ValueError("server.workers: must be at least 1")
    if database["pool_size"] < 1:
        raise ValueError("database.pool_size: must be at least 1")
    if database["timeout"] <= 0:
        raise ValueError("database.timeout: must be above 0")
    logging["level"] = logging["level"].upper()
    if logging["level"] not in LEVELS:
        raise ValueError(f"logging.level: must be one of {', '.join(sorted(LEVELS))}")


def load_config(path=None, env=None):
    """Defaults, then the TOML file at `path` (if any), then APP_* variables from `env`; validated."""
    config = dict(DEFAULTS)
    if path is not None:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)  # a syntax error raises TOMLDecodeError, a ValueError
        for section, values in data.items():
            if section not in config or not isinstance(values, dict):
                raise ValueError(f"{section}: unknown section")
            for name, value in values.items():
                key = f"{section}.{name}"
                if name not in config[section]:
                    raise ValueError(f"{key}: unknown setting")
                config[section][name] = _check_type(key, value, DEFAULTS[section][name])
    for variable, text in sorted((env or {}).items()):
        if not variable.startswith("APP_"):
            continue
        section, _, name = variable[len("APP_"):].lower().partition("_")
        key = f"{section}.{name}"
        if section not in config or name not in config[section]:
            raise ValueError(f"{key}: unknown setting (from {variable})")
        config[section][name] = _from_text(key, text, DEFAULTS[section][name])
    _validate(config)
    return config
