"""Tests: fast hashing, mail kept in memory, no debug."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
CREDENTIAL_SIGNING_KEYS = [DEVELOPMENT_CREDENTIAL_SIGNING_KEY]  # noqa: F405
