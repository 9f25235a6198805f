"""Throttles on the account pages: the identity login throttling (django-axes)
counts failures against, and the limit on password reset requests."""

from django.conf import settings

from django_ratelimit.core import is_ratelimited


def login_identity(request, credentials=None) -> str:
    """The e-mail exactly as logging in reads it (surrounding space dropped, case
    ignored: `UserManager.get_by_natural_key` matches case-insensitively), so
    every spelling of one address shares one counter (AXES_USERNAME_CALLABLE)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field) is not None:
        typed = credentials[field]
    else:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        typed = data.get(field) or ""
    return str(typed).strip().lower()


def _email_key(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


def password_reset_limited(request) -> bool:
    """Count one password reset request against the address asked for and against
    the client; True once either has asked too often. Counted the same whether
    or not the address has an account, so the limit tells nothing about it."""
    per_address = is_ratelimited(
        request,
        group="password-reset-email",
        key=_email_key,
        rate=settings.PASSWORD_RESET_EMAIL_RATE,
        increment=True,
    )
    per_client = is_ratelimited(
        request,
        group="password-reset-client",
        key="ip",
        rate=settings.PASSWORD_RESET_CLIENT_RATE,
        increment=True,
    )
    return per_address or per_client


def signup_limited(request) -> bool:
    """Count one firm sign-up against the client and against the address it is
    for; True once either has sent too many. Counted the same whether or not the
    address has an account, so the limit tells nothing about it."""
    per_address = is_ratelimited(
        request,
        group="signup-email",
        key=_email_key,
        rate=settings.SIGNUP_EMAIL_RATE,
        increment=True,
    )
    per_client = is_ratelimited(
        request,
        group="signup-client",
        key="ip",
        rate=settings.SIGNUP_CLIENT_RATE,
        increment=True,
    )
    return per_address or per_client
