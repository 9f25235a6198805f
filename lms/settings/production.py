"""Production: secrets come from the environment; refuses to start without them.

Required: SECRET_KEY (at least 50 characters, random), ALLOWED_HOSTS
(comma-separated), REDIS_URL (the cache every app server shares, e.g.
redis://127.0.0.1:6379/0), CREDENTIAL_SIGNING_KEYS (a JSON list of Ed25519
JWKs that sign the Open Badges, the signing key first; or
CREDENTIAL_SIGNING_KEYS_FILE, the path of a file holding it). Usually also
DATABASE_URL (PostgreSQL), TRUSTED_PROXY_COUNT (1 behind one load balancer),
WAGTAILADMIN_BASE_URL, EMAIL_HOST and friends, MEDIA_ROOT and
PRIVATE_MEDIA_ROOT, or AWS_STORAGE_BUCKET_NAME and friends for files on
S3-compatible object storage (lms/settings/object_storage.py).

SECURE_SSL_REDIRECT=0 serves plain HTTP (no redirect to HTTPS, cookies without
the Secure flag): only for tests on loopback, never behind a public address.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from lms.verification.signing import signing_keys_parse

from .base import *  # noqa: F403
from .object_storage import object_storage_settings

for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL"):
    if not os.environ.get(_name, "").strip():
        raise ImproperlyConfigured(
            f"{_name} must be set in the environment for lms.settings.production."
        )

# Like Django's own check (security.W009): a short key, or one of few distinct
# characters, can be guessed, and with it sessions and reset links forged.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5
if (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH  # noqa: F405
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS  # noqa: F405
    or SECRET_KEY.startswith("django-insecure-")  # noqa: F405
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak for lms.settings.production: use at least "
        f"{SECRET_KEY_MIN_LENGTH} random characters (e.g. the output of "
        f"`python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )

# Open Badges are signed with these keys (lms.verification.signing): a JSON list
# of Ed25519 JWKs, the signing key first, in CREDENTIAL_SIGNING_KEYS or in the
# file CREDENTIAL_SIGNING_KEYS_FILE names (which wins when both are set).
_keys_file = os.environ.get("CREDENTIAL_SIGNING_KEYS_FILE", "").strip()
_keys_text = os.environ.get("CREDENTIAL_SIGNING_KEYS", "")
if _keys_file:
    try:
        _keys_text = Path(_keys_file).read_text(encoding="utf-8")
    except OSError as error:
        raise ImproperlyConfigured(
            f"CREDENTIAL_SIGNING_KEYS_FILE cannot be read: {error}"
        ) from None
if not _keys_text.strip():
    raise ImproperlyConfigured(
        "CREDENTIAL_SIGNING_KEYS must be set in the environment for "
        "lms.settings.production (or CREDENTIAL_SIGNING_KEYS_FILE, a file holding "
        "it): a JSON list of Ed25519 JWKs, e.g. "
        "`[$(python manage.py credential_signing_key --settings=lms.settings.dev)]`."
    )
try:
    CREDENTIAL_SIGNING_KEYS = signing_keys_parse(_keys_text)
except ValueError as error:
    raise ImproperlyConfigured(f"CREDENTIAL_SIGNING_KEYS: {error}") from None
if any(
    key.get("x") == DEVELOPMENT_CREDENTIAL_SIGNING_KEY["x"]  # noqa: F405
    for key in CREDENTIAL_SIGNING_KEYS
):
    raise ImproperlyConfigured(
        "CREDENTIAL_SIGNING_KEYS holds the development key, which is public: "
        "anyone could forge credentials with it. Make a key with "
        "`python manage.py credential_signing_key --settings=lms.settings.dev`."
    )

DEBUG = False

# Two-step sign-in is required of administrators, assessors and internal
# verifiers unless REQUIRE_2FA=0 says otherwise (a demo, never the real service).
REQUIRE_2FA = os.environ.get("REQUIRE_2FA", "1") != "0"

# One cache for every app server and worker (content fragments, sessions read
# through it). Rate limits keep their own table (CACHES["ratelimit"], base.py).
CACHES = {
    **CACHES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    },
}
SESSION_ENGINE = "lms.accounts.sessions.cached_db"

_HTTPS = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _HTTPS
# Load balancers probe health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
LANGUAGE_COOKIE_SECURE = _HTTPS
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Uploaded files on S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is
# set (lms/settings/object_storage.py: every variable it reads); else the local
# folders MEDIA_ROOT and PRIVATE_MEDIA_ROOT.
_object_storage = object_storage_settings(os.environ)
if _object_storage:
    _object_storages, _public_media_origin = _object_storage
    STORAGES = {**STORAGES, **_object_storages}
    # Pages show images from the bucket (or its CDN).
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,  # noqa: F405
        "DIRECTIVES": {
            **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
            "img-src": [
                *CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],  # noqa: F405
                _public_media_origin,
            ],
        },
    }
# Where `collectstatic` writes and whitenoise serves from (default: staticfiles/).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or STATIC_ROOT  # noqa: F405

# Notifications: mails (and reminders) wait in a database table until a worker
# (`make worker`, i.e. `manage.py db_worker`) sends them, so a slow mail server
# never slows a page. Without a worker nothing is mailed.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Public pages behind a CDN or reverse proxy (cms.frontend_cache): each change is
# purged there by the backends whose variables are set; with none, nothing is.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip():
    # Varnish, nginx or any cache that accepts `PURGE <path>` with the site's Host.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"].strip(),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", "").strip():
    if not os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "").strip():
        raise ImproperlyConfigured(
            "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID needs FRONTEND_CACHE_CLOUDFLARE_TOKEN "
            "(an API token allowed to purge the zone's cache)."
        )
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"].strip(),
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"].strip(),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "").strip():
    # AWS credentials from boto3's usual environment variables or instance role.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
if not WAGTAILFRONTENDCACHE:
    del WAGTAILFRONTENDCACHE

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
