"""Local development: debug on, mail to the console, static files from source."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
CREDENTIAL_SIGNING_KEYS = [DEVELOPMENT_CREDENTIAL_SIGNING_KEY]  # noqa: F405
