"""The privacy notice and the accessibility statement: fixed pages in two languages.

The long prose is written per language (`templates/pages/<page>_<language>.html`)
rather than through gettext; the figures in it (how long sessions, login locks,
sign-up and invitation links last) are read from the settings, so the notice
says what the code does.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

# Shown until the operator sets `SITE_OPERATOR` (name, address, e-mail).
OPERATOR_PLACEHOLDER = {
    "name": "[Navn på operatøren / operator name]",
    "address": "[Adresse / address]",
    "email": "post@sosialprofil.no",
}
# The date the texts were last reviewed (the accessibility statement must say it).
STATEMENTS_UPDATED = "2026-12-02"


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "nb"


def _context() -> dict:
    session_age = settings.SESSION_COOKIE_AGE
    return {
        "operator": {**OPERATOR_PLACEHOLDER, **getattr(settings, "SITE_OPERATOR", {})},
        "session_hours": session_age // 3600,
        "idle_hours": settings.SESSION_IDLE_TIMEOUT // 3600,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "lockout_failures": settings.AXES_FAILURE_LIMIT,
        "signup_hours": settings.SIGNUP_VALID_HOURS,
        "invitation_days": settings.INVITATION_VALID_DAYS,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,
        "updated": STATEMENTS_UPDATED,
    }


@require_safe
def privacy(request):
    """The privacy notice (personvernerklæring)."""
    return render(request, f"pages/privacy_{_language()}.html", _context())


@require_safe
def accessibility(request):
    """The accessibility statement (tilgjengelighetserklæring)."""
    return render(request, f"pages/accessibility_{_language()}.html", _context())
