import pytest


def test_app_toml_with_env(submission):
    """load_config("app.toml", env) merges the three layers"""
    config = submission.load_config("app.toml", {"APP_SERVER_PORT": "9000", "APP_SERVER_DEBUG": "yes", "HOME": "/root"})
    assert config == {
        "server": {"host": "0.0.0.0", "port": 9000, "workers": 4, "debug": True},
        "database": {"url": "postgresql://app@db.internal/app", "pool_size": 5, "timeout": 10.0},
        "logging": {"level": "WARNING"},
    }


def test_bad_port(submission):
    """load_config("bad_port.toml") raises ValueError naming server.port"""
    with pytest.raises(ValueError, match="server.port"):
        submission.load_config("bad_port.toml")
