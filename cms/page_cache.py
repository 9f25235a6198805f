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

The same rule tells a CDN or reverse proxy in front what it may keep
(`frontend_cache_policy`, applied by FrontendCacheHeadersMiddleware): a page this
cache would keep, at an address a purge names (no query string; see
`SharedCachePage.frontend_cache_allowed`), is sent `public` with `s-maxage`;
everything else is for one browser only. The changes that drop this cache purge
those addresses (cms.frontend_cache).
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from lms.middleware import make_private

from .cache import content_version, fragment_cache_allowed

# Set on a page's response by SharedCachePage.serve: the page may be shared.
SHAREABLE = "shared_page_cache_allowed"
# Also set there: a CDN may keep the page too, since a purge names its address.
FRONTEND_SHAREABLE = "frontend_cache_allowed"

# Browsers cannot be purged, so they keep a public page only briefly.
BROWSER_MAX_AGE_SECONDS = 60


class SharedCachePage:
    """Mixin for page models whose public answer may be kept for every visitor.

    `shared_cache_allowed(request)` says whether this request's query string is
    a bounded variant of the page: by default only the page without one. A page
    with validated filters may accept those (never free text, never an unknown
    value)."""

    def shared_cache_allowed(self, request) -> bool:
        return not request.GET

    def frontend_cache_allowed(self, request) -> bool:
        """Whether a CDN may keep this answer too: only at an address that
        purging the page names (its URL joined with `get_cached_paths()`), so
        a change never waits for the CDN's copy to expire. By default the
        page's own address without a query string."""
        return not request.GET and request.path == self.get_url(request)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        shareable = self.shared_cache_allowed(request)
        setattr(response, SHAREABLE, shareable)
        setattr(
            response,
            FRONTEND_SHAREABLE,
            shareable and self.frontend_cache_allowed(request),
        )
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
            content, content_type, *frontend = entry
            response = HttpResponse(content, content_type=content_type)
            setattr(response, SHAREABLE, True)
            setattr(response, FRONTEND_SHAREABLE, bool(frontend and frontend[0]))
            return response
    response = wagtail_serve(request, path)
    if key is not None and getattr(response, SHAREABLE, False):

        def store(rendered):
            if _may_store(request, rendered):
                cache.set(
                    key,
                    (
                        rendered.content,
                        rendered["Content-Type"],
                        getattr(rendered, FRONTEND_SHAREABLE, False),
                    ),
                    settings.CONTENT_CACHE_SECONDS,
                )

        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(store)
        else:
            store(response)
    return response


# What `frontend_cache_policy` decides.
SHARED = "shared"  # every visitor's copy: a CDN may keep it until purged
VIEWS_OWN = "views_own"  # the view set its own Cache-Control for everyone
PRIVATE = "private"  # for this browser only


def frontend_cache_policy(request, response) -> str:
    """Who may keep `response`: SHARED for a public page this module's cache
    would keep at an address a purge names; VIEWS_OWN when the view set its own
    Cache-Control for a request and answer that carry no state; PRIVATE for
    everything else — a session, a message, a preview, a non-GET, an answer
    that set a cookie or used a CSRF token, a logged-in page, the admin."""
    stateless = (
        _anonymous_without_state(request)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )
    if not stateless:
        return PRIVATE
    if getattr(response, FRONTEND_SHAREABLE, False) and _may_store(request, response):
        return SHARED
    if response.has_header("Cache-Control"):
        return VIEWS_OWN
    return PRIVATE


class FrontendCacheHeadersMiddleware:
    """Applies `frontend_cache_policy` as Cache-Control and Vary headers.

    Must come before SessionMiddleware, CsrfViewMiddleware and MessageMiddleware,
    so the cookies they add are seen; after WhiteNoise, whose static files keep
    their own long-lived headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = frontend_cache_policy(request, response)
        if policy == SHARED:
            patch_cache_control(
                response,
                public=True,
                max_age=min(BROWSER_MAX_AGE_SECONDS, settings.FRONTEND_CACHE_SECONDS),
                s_maxage=settings.FRONTEND_CACHE_SECONDS,
            )
            # The language comes from a cookie (lms.middleware.LanguageMiddleware).
            patch_vary_headers(response, ("Cookie",))
        elif policy == PRIVATE:
            make_private(response)
        return response
