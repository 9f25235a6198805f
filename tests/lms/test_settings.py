"""The production settings refuse to start without their secrets and pass --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LONG_SECRET = "k" + "x9Lr!p2Qz#v8Wm4T" * 4


def run_manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": LONG_SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "  ", "ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({}, "SECRET_KEY"),
    ],
)
def test_production_settings_refuse_to_start_without_their_variables(env, missing):
    result = run_manage(
        "check", "--settings=lms.settings.production", env_overrides=env
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set in the environment" in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--settings=lms.settings.production",
        "--fail-level=WARNING",
        env_overrides={"SECRET_KEY": LONG_SECRET, "ALLOWED_HOSTS": "example.org"},
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_default_settings_module_is_dev():
    source = (ROOT / "manage.py").read_text()
    assert 'setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")' in source
