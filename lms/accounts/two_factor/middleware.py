"""Sends a logged-in person who still owes a code to the code step, and, with
REQUIRE_2FA on, an administrator, assessor or internal verifier without
two-step sign-in to its setup, from every page (Wagtail's and Django's admin
included) but the few they need to get there."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .rules import must_use_two_factor
from .selectors import two_factor_enabled
from .signals import SESSION_HAS_TWO_FACTOR

# URL names (in the accounts namespace) a person may reach before the code.
EXEMPT_URL_NAMES = (
    "two_factor_login",
    "two_factor_setup",
    "two_factor_backup_codes",
    "logout",
    "language",
)


def _exempt_paths() -> tuple[str, ...]:
    return (
        *(reverse(f"accounts:{name}") for name in EXEMPT_URL_NAMES),
        reverse("healthz"),
        settings.STATIC_URL,
    )


def _to(url_name: str, request):
    url = reverse(url_name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class TwoFactorMiddleware:
    """After OTPMiddleware and the session. Asks the database nothing for a
    person without two-step sign-in (the login remembered it in the session)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._detour(request) or self.get_response(request)

    def _detour(self, request):
        session = getattr(request, "session", None)
        # No session: nobody is logged in (and request.user stays unread, so an
        # anonymous page gets no `Vary: Cookie`).
        if session is None or session.session_key is None:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.path_info.startswith(_exempt_paths()):
            return None
        has_two_factor = session.get(SESSION_HAS_TWO_FACTOR)
        if has_two_factor is None:
            has_two_factor = two_factor_enabled(user=user)
            session[SESSION_HAS_TWO_FACTOR] = has_two_factor
        if has_two_factor:
            return _to("accounts:two_factor_login", request)
        if settings.REQUIRE_2FA and must_use_two_factor(user):
            return _to("accounts:two_factor_setup", request)
        return None
