"""Tests: fast hashing, mail kept in memory, no debug."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
CREDENTIAL_SIGNING_KEYS = [DEVELOPMENT_CREDENTIAL_SIGNING_KEY]  # noqa: F405
# Evidence files that tests write without their own folder (`seed_demo` makes
# some): in the temporary folder, never in the working tree.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get(
        "PRIVATE_MEDIA_ROOT", Path(tempfile.gettempdir()) / "sosialprofil-test-private"
    )
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "evidence": {
        **STORAGES["evidence"],  # noqa: F405
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / "evidence", "base_url": None},
    },
}
