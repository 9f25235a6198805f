"""Sessions end after a while without activity, and a while after the login.

Two clocks live in the session itself (so every app server reads the same ones,
and nothing is kept in a process's memory): when the person logged in and when
they were last seen. `SESSION_IDLE_TIMEOUT` seconds without a request, or
`SESSION_ABSOLUTE_LIFETIME` seconds after the login however active the person
is, and the next request logs them out: a page is answered with the login page
(and `next`, so they come back where they were), a background request that
asks for JSON with a 403 and a message its script can show.

"Last seen" is written at most once per `ACTIVITY_WRITE_SECONDS`: a session
that changes on every request would cost a database write (and a cache write)
for every page; a minute's precision on a two-hour timeout is plenty.
"""

from http import HTTPStatus
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext_lazy

# Session keys (seconds since the epoch, as JSON numbers).
SIGNED_IN_AT = "_signed_in_at"
LAST_SEEN_AT = "_last_seen_at"
ACTIVITY_WRITE_SECONDS = 60

IDLE_MESSAGE = ngettext_lazy(
    "You were logged out after %(minutes)d minute without activity. "
    "Log in again to go on.",
    "You were logged out after %(minutes)d minutes without activity. "
    "Log in again to go on.",
    "minutes",
)
LIFETIME_MESSAGE = ngettext_lazy(
    "You were logged out because you logged in more than %(hours)d hour ago. "
    "Log in again to go on.",
    "You were logged out because you logged in more than %(hours)d hours ago. "
    "Log in again to go on.",
    "hours",
)


def _now() -> float:
    return timezone.now().timestamp()


@receiver(user_logged_in, dispatch_uid="accounts.session_clocks_start")
def session_clocks_start(sender, request, user, **kwargs):
    """A login starts both clocks afresh (Django keeps the session's data when
    the same person logs in again, so the old login time would stay)."""
    session = getattr(request, "session", None)
    if session is not None:
        now = _now()
        session[SIGNED_IN_AT] = now
        session[LAST_SEEN_AT] = now


def session_expired_message(session) -> str | None:
    """Why the logged-in `session` has ended, or None while it is alive."""
    now = _now()
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen_at = session.get(LAST_SEEN_AT)
    if signed_in_at is None or last_seen_at is None:
        return None
    if now - signed_in_at > settings.SESSION_ABSOLUTE_LIFETIME:
        hours = settings.SESSION_ABSOLUTE_LIFETIME // 3600
        return LIFETIME_MESSAGE % {"hours": hours}
    if now - last_seen_at > settings.SESSION_IDLE_TIMEOUT:
        minutes = settings.SESSION_IDLE_TIMEOUT // 60
        return IDLE_MESSAGE % {"minutes": minutes}
    return None


def _session_seen(session) -> None:
    now = _now()
    session.setdefault(SIGNED_IN_AT, now)
    last_seen_at = session.get(LAST_SEEN_AT)
    if last_seen_at is None or now - last_seen_at >= ACTIVITY_WRITE_SECONDS:
        session[LAST_SEEN_AT] = now


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith(
        "application/json"
    ) or request.path_info.startswith("/api/")


def _return_path(request) -> str:
    """Where the login should lead back to: this page, or for a form post the
    page the form was on (the post itself cannot be repeated by a redirect)."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return ""


class SessionTimeoutMiddleware:
    """Log out a session idle for too long, or logged in for too long.

    Must come after AuthenticationMiddleware and MessageMiddleware. Requests
    without a session (anonymous visitors) are left alone and untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # No session key: nobody is logged in, and reading the session would
        # add `Vary: Cookie` to an anonymous page.
        if session is None or session.session_key is None:
            return self.get_response(request)
        if not request.user.is_authenticated:
            return self.get_response(request)
        message = session_expired_message(session)
        if message is None:
            _session_seen(session)
            return self.get_response(request)
        logout(request)
        if _wants_json(request):
            return JsonResponse(
                {
                    "ok": False,
                    "logged_out": True,
                    "message": str(message),
                    "login_url": resolve_url(settings.LOGIN_URL),
                },
                status=HTTPStatus.FORBIDDEN,
            )
        messages.info(request, message)
        back = _return_path(request)
        return redirect_to_login(back) if back else redirect(settings.LOGIN_URL)
