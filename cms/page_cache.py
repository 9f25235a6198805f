"""Whole public pages for anonymous visitors, kept in the shared cache.

A visitor who is not logged in, has no session and no pending message sees the
same page as every other such visitor, so the finished HTML of a page the whole
world may read is kept in the default cache (Redis in production, shared by every
app server) and served from there without routing or rendering.

What makes an entry:
- the request is a GET with no session cookie and no message cookie (nobody is
  logged in, no password-protected page was unlocked, nothing personal is shown);
- the page was served by its own `serve()` — so Wagtail's privacy check let an
  anonymous visitor in: a private page is never stored — and the page says its
  query string is one of its bounded, validated variants (`SharedCachePage`);
- the answer is a 200 that set no cookie and used no CSRF token.

The key is the host, path, query string (sorted), language and content version;
publishing, unpublishing, moving, deleting a page, changing privacy or a snippet
bumps the version (cms.signals), so every server serves the new page on its next
request. Entries live at most CONTENT_CACHE_SECONDS, which bounds how long a
page showing course state (upcoming runs, certified firms) can lag a date.

A request that does not qualify is served the normal way and stores nothing; a
lookup under an unknown path or query string costs one cache read and leaves no
entry behind, so anonymous traffic cannot fill the cache.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from .cache import content_version, fragment_cache_allowed

# Set on a page's response by SharedCachePage.serve: the page may be shared.
SHAREABLE = "shared_page_cache_allowed"


class SharedCachePage:
    """Mixin for page models whose public answer may be kept for every visitor.

    `shared_cache_allowed(request)` says whether this request's query string is
    a bounded variant of the page: by default only the page without one. A page
    with validated filters may accept those (never free text, never an unknown
    value)."""

    def shared_cache_allowed(self, request) -> bool:
        return not request.GET

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        setattr(response, SHAREABLE, self.shared_cache_allowed(request))
        return response


def _anonymous_without_state(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and fragment_cache_allowed(request)
    )


def page_key(request) -> str | None:
    """The cache key of the page `request` asks for, or None when the request
    may neither read nor make an entry."""
    if not _anonymous_without_state(request):
        return None
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    address = f"{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"cms:page:{digest}:{get_language()}:{content_version()}"


def _may_store(request, response) -> bool:
    return (
        response.status_code == 200
        and getattr(response, SHAREABLE, False)
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


def serve(request, path):
    """Wagtail's page serving, with the anonymous public answer kept and reused."""
    from wagtail.views import serve as wagtail_serve

    key = page_key(request)
    if key is not None:
        entry = cache.get(key)
        if entry is not None:
            content, content_type = entry
            return HttpResponse(content, content_type=content_type)
    response = wagtail_serve(request, path)
    if key is not None and getattr(response, SHAREABLE, False):

        def store(rendered):
            if _may_store(request, rendered):
                cache.set(
                    key,
                    (rendered.content, rendered["Content-Type"]),
                    settings.CONTENT_CACHE_SECONDS,
                )

        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(store)
        else:
            store(response)
    return response
