"""Cached reads of the page tree and the catalogue, dropped when either changes.

Every key carries the "content version", which signals bump on publish, move,
delete, privacy change and snippet save, so nothing stale is served. The cache is
per process (LocMem) unless CACHES says otherwise, so a change made through one
app server reaches the others when their entries expire (CONTENT_CACHE_SECONDS).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "cms:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def cached(name: str, build):
    """`build()` once per content version and language (and at most
    CONTENT_CACHE_SECONDS)."""
    key = f"cms:{name}:{get_language()}:{content_version()}"
    return cache.get_or_set(key, build, timeout=settings.CONTENT_CACHE_SECONDS)
