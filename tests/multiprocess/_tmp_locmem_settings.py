# TEMPORARY (H7 hand check): production with a per-process cache. Delete me.
from lms.settings.production import *  # noqa: F403

CACHES = {
    **CACHES,  # noqa: F405
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
RATELIMIT_USE_CACHE = "default"
