"""Project-wide middleware."""

from django.conf import settings

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
