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


def _address_and_client_limited(request, *, group, email_rate, client_rate) -> bool:
    # Both counters are always incremented, so neither limit reveals whether the
    # address has an account.
    per_address = is_ratelimited(
        request,
        group=f"{group}-email",
        key=_email_key,
        rate=email_rate,
        increment=True,
    )
    per_client = is_ratelimited(
        request, group=f"{group}-client", key="ip", rate=client_rate, increment=True
    )
    return per_address or per_client


def password_reset_limited(request) -> bool:
    """Count one password reset request against the address asked for and against
    the client; True once either has asked too often. Counted the same whether
    or not the address has an account, so the limit tells nothing about it."""
    return _address_and_client_limited(
        request,
        group="password-reset",
        email_rate=settings.PASSWORD_RESET_EMAIL_RATE,
        client_rate=settings.PASSWORD_RESET_CLIENT_RATE,
    )


def signup_limited(request) -> bool:
    """Count one firm sign-up against the client and against the address it is
    for; True once either has sent too many. Counted the same whether or not the
    address has an account, so the limit tells nothing about it."""
    return _address_and_client_limited(
        request,
        group="signup",
        email_rate=settings.SIGNUP_EMAIL_RATE,
        client_rate=settings.SIGNUP_CLIENT_RATE,
    )
