import tomllib

DEFAULTS = {
    "server": {"host": "127.0.0.1", "port": 8000, "workers": 2, "debug": False},
    "database": {"url": "sqlite:///app.db", "pool_size": 5, "timeout": 30.0},
    "logging": {"level": "INFO"},
}

BOOLEANS = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}


def _flat():
    return {f"{section}.{name}": value for section, values in DEFAULTS.items() for name, value in values.items()}


def _typed(key, value, default):
    kind = type(default)
    if kind is float and type(value) in (int, float):
        return float(value)
    if type(value) is kind:
        return value
    raise ValueError(f"{key} must be a {kind.__name__}, not {type(value).__name__}")


def _parsed(key, text, default):
    kind = type(default)
    try:
        if kind is bool:
            return BOOLEANS[text.strip().lower()]
        return kind(text)
    except (KeyError, ValueError):
        raise ValueError(f"{key}: {text!r} is not a valid {kind.__name__}") from None


def load_config(path=None, env=None):
    defaults = _flat()
    settings = dict(defaults)
    if path is not None:
        with open(path, "rb") as f:
            document = tomllib.load(f)
        for section, table in document.items():
            if section not in DEFAULTS or type(table) is not dict:
                raise ValueError(f"{section} is not a known section")
            for name, value in table.items():
                key = f"{section}.{name}"
                if key not in defaults:
                    raise ValueError(f"{key} is not a known setting")
                settings[key] = _typed(key, value, defaults[key])
    for variable, text in (env or {}).items():
        if not variable.startswith("APP_"):
            continue
        key = variable[4:].lower().replace("_", ".", 1)
        if key not in defaults:
            raise ValueError(f"{key} ({variable}) is not a known setting")
        settings[key] = _parsed(key, text, defaults[key])
    rules = {
        "server.port": lambda v: 1 <= v <= 65535,
        "server.workers": lambda v: v >= 1,
        "database.pool_size": lambda v: v >= 1,
        "database.timeout": lambda v: v > 0,
        "logging.level": lambda v: v.upper() in ("DEBUG", "INFO", "WARNING", "ERROR"),
    }
    for key, rule in rules.items():
        if not rule(settings[key]):
            raise ValueError(f"{key}: {settings[key]!r} is out of range")
    settings["logging.level"] = settings["logging.level"].upper()
    result = {}
    for key, value in settings.items():
        section, name = key.split(".", 1)
        result.setdefault(section, {})[name] = value
    return result
