"""`make bench`: production-like (no debug), a throwaway SQLite file, a trivial view."""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "bench-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
ROOT_URLCONF = "lms.bench_urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
_BENCH_DB = os.path.join(tempfile.gettempdir(), "sosialprofil-bench.sqlite3")
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{_BENCH_DB}")
    )
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
