"""Project-wide middleware."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
