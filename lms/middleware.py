"""Project-wide middleware."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, except Wagtail's admin, which needs inline code.

    Editors are trusted, logged-in staff; visitors and participants never load the
    admin, so the public pages keep "no inline script" without exceptions.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(
            settings.CSP_ADMIN_PREFIXES
        ):
            parts.update = {
                **(parts.update or {}),
                "script-src": [UNSAFE_INLINE],
                "style-src": [UNSAFE_INLINE],
                "img-src": ["blob:"],
            }
        return parts


class LanguageMiddleware(LocaleMiddleware):
    """Norwegian bokmål unless the person chose otherwise.

    The browser's Accept-Language is deliberately ignored: many Norwegians run an
    English browser, yet the service speaks bokmål first. The choice comes from the
    language switcher's cookie, else the logged-in person's saved language.
    Must come after AuthenticationMiddleware.
    """

    def process_request(self, request):
        languages = dict(settings.LANGUAGES)
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in languages:
            user = getattr(request, "user", None)
            code = user.language if user and user.is_authenticated else None
        if code not in languages:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()


class PrivateResponseMiddleware:
    """No shared cache ever stores what a logged-in person was sent.

    Every response to a request with a logged-in person says
    ``Cache-Control: private, no-store`` and ``Vary: Cookie``: "download my data",
    certificate PDFs, plans and profiles are personal, and a page that looks public
    still carries the person's name in the header. A view may be stricter; it can
    never be looser. Requests without a session are left alone, so public pages keep
    their own caching headers for anonymous visitors. Must come after
    AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _has_logged_in_person(request):
            make_private(response)
        return response


def _has_logged_in_person(request) -> bool:
    # Without a session key there is nobody logged in; asking `request.user` would
    # mark the session as read and add `Vary: Cookie` to anonymous pages.
    session = getattr(request, "session", None)
    if session is None or session.session_key is None:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


# Directives that would let a shared cache keep a copy.
_SHAREABLE_DIRECTIVES = {"public", "max-age", "s-maxage"}


def make_private(response) -> None:
    """Mark `response` as for one person only: no shared or stored copy."""
    kept = [
        directive.strip()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip()
        and directive.split("=")[0].strip().lower() not in _SHAREABLE_DIRECTIVES
    ]
    response["Cache-Control"] = ", ".join(kept)
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Cookie",))
