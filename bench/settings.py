"""`make bench`: the production settings, with a throwaway database.

Everything the pages run through is production's: the middleware, `DEBUG=False`,
the cache (Redis on loopback, `REDIS_URL`, which `make bench` starts), the session
engine, the manifest static files storage, HTTPS behind a proxy (the benchmark's
client sends `X-Forwarded-Proto: https` as the load balancer does). Only these
differ: the database is a throwaway SQLite file (`BENCH_DATABASE_URL` for another)
and evidence files go to a throwaway folder (`BENCH_PRIVATE_MEDIA_ROOT`), the URLs
add the trivial view, e-mail stays in memory, static files are collected into a
temporary folder, and the fixture's passwords are hashed with MD5 so that
building thousands of people takes seconds (no timed request hashes a password).
"""

import json
import os
import tempfile

from lms.verification.signing import signing_key_generate

_TMP = tempfile.gettempdir()
os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6390/0")
# A throwaway key that signs the badges; in the environment, so any process
# started from here signs with the same one.
os.environ.setdefault(
    "CREDENTIAL_SIGNING_KEYS", json.dumps([signing_key_generate(kid="bench")])
)
# Evidence files of the demo's and the fixture's validation cases: a throwaway
# folder like the database (bench/data.py empties it with the database), never
# the one PRIVATE_MEDIA_ROOT names for the site.
os.environ["PRIVATE_MEDIA_ROOT"] = os.environ.get(
    "BENCH_PRIVATE_MEDIA_ROOT", os.path.join(_TMP, "sosialprofil-bench-private")
)
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL",
    f"sqlite:///{os.path.join(_TMP, 'sosialprofil-bench.sqlite3')}",
)

from lms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The fixture's assessors and editors sign in with a password only: the timed
# pages are the same with or without the code step in front of them.
REQUIRE_2FA = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = os.path.join(_TMP, "sosialprofil-bench-static")
# Production's storage without compression (the pages only ask the manifest for
# names; compressing every file first would add a minute to each run).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["django"]["level"] = "ERROR"  # noqa: F405
