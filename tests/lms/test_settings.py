"""The production settings refuse to start without their secrets and pass --deploy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lms.verification.signing import signing_key_generate

ROOT = Path(__file__).resolve().parents[2]
LONG_SECRET = "k" + "x9Lr!p2Qz#v8Wm4T" * 4
REDIS_URL = "redis://127.0.0.1:6379/0"
PRODUCTION_ENV = {
    "SECRET_KEY": LONG_SECRET,
    "ALLOWED_HOSTS": "example.org",
    "REDIS_URL": REDIS_URL,
    "CREDENTIAL_SIGNING_KEYS": json.dumps([signing_key_generate()]),
}


def run_manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "REDIS_URL",
            "CREDENTIAL_SIGNING_KEYS",
            "CREDENTIAL_SIGNING_KEYS_FILE",
            "SECURE_SSL_REDIRECT",
            "TRUSTED_PROXY_COUNT",
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
        ({"SECRET_KEY": LONG_SECRET, "ALLOWED_HOSTS": "example.org"}, "REDIS_URL"),
        ({**PRODUCTION_ENV, "REDIS_URL": " "}, "REDIS_URL"),
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
        env_overrides=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_default_settings_module_is_dev():
    source = (ROOT / "manage.py").read_text()
    assert 'setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")' in source


@pytest.mark.parametrize(
    "weak",
    [
        "x",
        "short-but-random-Zq8!",
        "k" + "x9Lr!p2Qz#v8Wm4T" * 2,  # 33 characters
        "ab" * 40,  # long, but two characters
        "django-insecure-" + "x9Lr!p2Qz#v8Wm4T" * 4,
    ],
)
def test_production_refuses_a_weak_secret_key(weak):
    result = run_manage(
        "check",
        "--settings=lms.settings.production",
        env_overrides={**PRODUCTION_ENV, "SECRET_KEY": weak},
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak" in result.stderr
    assert "at least 50 random characters" in result.stderr


SHOW_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "location": settings.CACHES["default"].get("LOCATION"),
    "ratelimit": settings.CACHES["ratelimit"]["BACKEND"],
    "ratelimit_cache": settings.RATELIMIT_USE_CACHE,
    "session": settings.SESSION_ENGINE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "proxies": settings.TRUSTED_PROXY_COUNT,
    "axes": settings.AXES_HANDLER,
}))
"""


def production_settings(**env) -> dict:
    result = run_manage(
        "shell",
        "--settings=lms.settings.production",
        "-c",
        SHOW_SETTINGS,
        env_overrides={**PRODUCTION_ENV, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_shares_redis_and_keeps_rate_limits_in_the_database():
    shown = production_settings(TRUSTED_PROXY_COUNT="1")
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["location"] == REDIS_URL
    assert shown["ratelimit"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["ratelimit_cache"] == "ratelimit"
    assert shown["session"] == "lms.accounts.sessions.cached_db"
    assert shown["axes"] == "axes.handlers.database.AxesDatabaseHandler"
    assert shown["proxies"] == 1
    assert shown["ssl_redirect"] is True
    assert shown["cookie_secure"] is True


def test_the_https_redirect_can_be_switched_off_for_loopback_tests():
    shown = production_settings(SECURE_SSL_REDIRECT="0")
    assert shown["ssl_redirect"] is False
    assert shown["cookie_secure"] is False
    assert shown["csrf_secure"] is False


def test_one_process_settings_keep_the_memory_cache_and_database_sessions():
    from django.conf import settings

    assert settings.CACHES["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
    assert settings.CACHES["ratelimit"]["BACKEND"] == (
        "django.core.cache.backends.db.DatabaseCache"
    )
    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    assert settings.SESSION_ENGINE == "lms.accounts.sessions.db"
