import pytest
from gradekit.remote import LearnerError

DEFAULTS = {
    "server": {"host": "127.0.0.1", "port": 8000, "workers": 2, "debug": False},
    "database": {"url": "sqlite:///app.db", "pool_size": 5, "timeout": 30.0},
    "logging": {"level": "INFO"},
}


def with_changes(**changes):
    config = {section: dict(values) for section, values in DEFAULTS.items()}
    for dotted, value in changes.items():
        section, name = dotted.split("__")
        config[section][name] = value
    return config


def shown(key):
    """The statement names the settings of DEFAULTS and the section "cache"; other keys stay unnamed."""
    known = {f"{section}.{name}" for section, values in DEFAULTS.items() for name in values} | {"cache"}
    return repr(key) if key in known else "the unknown setting's dotted name (section.setting)"


def rejects(submission, key, path=None, env=None, what=""):
    try:
        submission.load_config(path, env)
    except ValueError as error:
        assert key in str(error), f"the ValueError for {what} must name the setting {shown(key)} in its message"
        return
    except (KeyError, TypeError, AttributeError, LearnerError) as error:
        raise AssertionError(
            f"{what} raised {getattr(error, 'type_name', type(error).__name__)}; raise ValueError naming {shown(key)}"
        ) from None
    raise AssertionError(f"{what} was accepted; it must raise ValueError naming {shown(key)}")


def test_defaults_only(submission):
    """With no file and no environment, the defaults come back"""
    assert submission.load_config() == DEFAULTS, "load_config() with no file and no env must return the defaults"
    assert submission.load_config(None, {}) == DEFAULTS, "load_config(None, {}) must return the defaults"


@pytest.mark.points(2)
def test_file_layer(submission):
    """The file overrides only the settings it mentions"""
    got = submission.load_config("partial.toml")
    assert got == with_changes(database__pool_size=20), (
        "settings the file doesn't mention must keep their default (merge per setting, not per section)"
    )
    got = submission.load_config("app.toml", {})
    assert got["database"]["timeout"] == 10.0 and isinstance(got["database"]["timeout"], float), (
        "an int in the file for a float setting (timeout = 10) must become a float"
    )
    assert got["logging"]["level"] == "WARNING", "logging.level must be returned in upper case"


@pytest.mark.points(2)
def test_env_layer(submission):
    """APP_ variables override the file, converted to the right type"""
    env = {"APP_SERVER_WORKERS": "8", "APP_DATABASE_TIMEOUT": "2.5", "APP_DATABASE_POOL_SIZE": "3",
           "APP_LOGGING_LEVEL": "debug", "APP_DATABASE_URL": "sqlite:///:memory:", "PATH": "/usr/bin",
           "SERVER_PORT": "1"}
    got = submission.load_config("app.toml", env)
    assert got["server"]["workers"] == 8 and isinstance(got["server"]["workers"], int), (
        "APP_SERVER_WORKERS must override the file and become an int"
    )
    assert got["database"]["pool_size"] == 3, (
        "APP_DATABASE_POOL_SIZE sets database.pool_size: the section is the part up to the first _, the "
        "setting is the rest"
    )
    assert got["database"]["timeout"] == 2.5, "APP_DATABASE_TIMEOUT must become a float"
    assert got["database"]["url"] == "sqlite:///:memory:", "string settings are taken as they are"
    assert got["logging"]["level"] == "DEBUG", "logging.level from the environment must be upper-cased too"
    assert got["server"]["port"] == 8080, "variables without the APP_ prefix must be ignored"


@pytest.mark.points(2)
@pytest.mark.parametrize("text, value", [("true", True), ("YES", True), ("On", True), ("1", True),
                                          ("false", False), ("No", False), ("OFF", False), ("0", False)])
def test_env_booleans(submission, text, value):
    """Boolean environment values accept true/false, yes/no, on/off and 1/0"""
    got = submission.load_config(None, {"APP_SERVER_DEBUG": text})
    assert got["server"]["debug"] is value, (
        "a boolean from the environment must be read from true/false, yes/no, on/off, 1/0 in any case "
        "(bool('false') is True!)"
    )


@pytest.mark.points(2)
def test_defaults_never_change(submission):
    """DEFAULTS is the same after loading overrides"""
    submission.load_config("app.toml", {"APP_SERVER_DEBUG": "true", "APP_LOGGING_LEVEL": "error"})
    assert submission.get("DEFAULTS") == DEFAULTS, (
        "DEFAULTS changed after load_config(): copy it deeply (copy.deepcopy) before applying overrides"
    )
    assert submission.load_config() == DEFAULTS, "a later load_config() must start from the original defaults"


@pytest.mark.points(2)
def test_file_errors(submission):
    """Unknown settings and sections, wrong types and bad values in the file are errors"""
    rejects(submission, "server.colour", "unknown_key.toml", what="an unknown setting in the file")
    rejects(submission, "cache", "unknown_section.toml", what="an unknown section in the file")
    rejects(submission, "server.workers", "wrong_type.toml", what="a string for an int setting in the file")
    rejects(submission, "server.port", "bad_port.toml", what="port 70000 in the file")


def test_bool_is_not_an_int(submission):
    """A true/false in the file for a whole-number setting is an error"""
    rejects(submission, "server.workers", "bool_for_int.toml",
            what="workers = true in the file (bool is a subclass of int in Python, so isinstance(True, int) "
                 "is True: exclude bools when checking for an int)")


def test_broken_toml(submission):
    """A file that is not valid TOML raises ValueError"""
    try:
        submission.load_config("broken.toml")
    except ValueError:
        return
    except LearnerError as error:
        assert error.type_name == "TOMLDecodeError", (
            f"a broken TOML file raised {error.type_name}; let tomllib's TOMLDecodeError (a ValueError) propagate"
        )
        return
    raise AssertionError("a file that is not valid TOML was accepted")


@pytest.mark.points(2)
@pytest.mark.parametrize("env, key", [
    ({"APP_SERVER_PORT": "eighty"}, "server.port"),
    ({"APP_SERVER_PORT": "0"}, "server.port"),
    ({"APP_SERVER_PORT": "65536"}, "server.port"),
    ({"APP_SERVER_WORKERS": "0"}, "server.workers"),
    ({"APP_DATABASE_POOL_SIZE": "-1"}, "database.pool_size"),
    ({"APP_DATABASE_TIMEOUT": "0"}, "database.timeout"),
    ({"APP_DATABASE_TIMEOUT": "soon"}, "database.timeout"),
    ({"APP_SERVER_DEBUG": "maybe"}, "server.debug"),
    ({"APP_LOGGING_LEVEL": "verbose"}, "logging.level"),
    ({"APP_SERVER_THREADS": "4"}, "server.threads"),
])
def test_env_errors(submission, env, key):
    """Bad environment values raise ValueError naming the setting"""
    rejects(submission, key, None, env, what="a bad APP_ environment variable")


def test_type_strictness(submission):
    """Port and host from the environment are converted by the type of their default"""
    assert submission.load_config(None, {"APP_SERVER_PORT": "8443"})["server"]["port"] == 8443, (
        "APP_SERVER_PORT must set server.port as an int"
    )
    got = submission.load_config("app.toml", {"APP_SERVER_HOST": "::"})
    assert got["server"]["host"] == "::", "a string setting from the environment is taken as it is"
