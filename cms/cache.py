"""Cached reads and fragments of the course material, dropped when it changes.

Every key carries the "content version", which signals bump on publish,
unpublish, move, delete, privacy change and snippet save (cms.signals, and
courses.signals for runs and sessions); the same bump purges a CDN in front.
Version and entries live in the default cache, which production shares between
all app servers (Redis), so a change made through one server is seen by every
server on its next request.

Only things with a bounded number of keys are cached: a page, a section, a
validated filter. Never a key per unknown path or per raw query string, and
never anything personal. An editor's preview is never cached
(`fragment_cache_allowed`).
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

VERSION_KEY = "cms:content-version"

# What this request has already read from the shared cache (the version and the
# entries of `cached`), so a page asks Redis once per key, not once per use. It
# lives only as long as one request (RequestMemoMiddleware) and is emptied when
# the request itself changes content; outside a request nothing is remembered.
_request_memo: ContextVar[dict | None] = ContextVar("cms_request_memo", default=None)


class RequestMemoMiddleware:
    """Gives each request its own memo of shared-cache reads (see `_request_memo`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def content_version() -> int:
    """The current content version (one cache read per request)."""
    memo = _request_memo.get()
    if memo is not None and VERSION_KEY in memo:
        return memo[VERSION_KEY]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        if not cache.add(VERSION_KEY, version, None):  # another server was first
            version = cache.get(VERSION_KEY, version)
    if memo is not None:
        memo[VERSION_KEY] = version
    return version


def bump_content_version(**kwargs) -> None:
    """Make every cached entry of the course material stale, and purge the public
    pages from a CDN in front (cms.frontend_cache) (a signal receiver)."""
    from .frontend_cache import purge_after_change

    cache.set(VERSION_KEY, time.time_ns(), None)
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()
    purge_after_change(**kwargs)


def bump_content_version_on_change(*models: str) -> None:
    """Bump the content version whenever a row of one of `models` (app labels,
    e.g. "cms.Measure") is saved or deleted."""
    for model in models:
        for signal, action in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                bump_content_version,
                sender=model,
                dispatch_uid=f"cms.bump.{action}.{model}",
            )


def cached(name: str, build):
    """`build()` once per content version and language (and at most
    CONTENT_CACHE_SECONDS). `name` must come from a bounded set (a page id, a
    fixed name), never from the request."""
    key = f"cms:{name}:{get_language()}:{content_version()}"
    memo = _request_memo.get()
    if memo is not None and key in memo:
        return memo[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=settings.CONTENT_CACHE_SECONDS)
    if memo is not None:
        memo[key] = value
    return value


def fragment_cache_allowed(request) -> bool:
    """False for an editor's preview: a draft must never reach a shared cache."""
    return not getattr(request, "is_preview", False)


def fragment_context(request) -> dict:
    """What a page template needs for its `{% cache %}` fragments."""
    allowed = fragment_cache_allowed(request)
    return {
        "use_fragment_cache": allowed,
        "cache_version": content_version() if allowed else None,
        "cache_seconds": settings.CONTENT_CACHE_SECONDS,
    }
