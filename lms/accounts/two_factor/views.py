"""Pages of two-step sign-in: the code step of logging in, setup, backup codes,
turning it off. Thin: the forms parse, `services` does the work."""

import math
import time
from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

import django_otp
from axes.handlers.proxy import AxesProxyHandler

from ..forms import lockout_params
from ..sessions import user_sessions_end
from . import selectors, services
from .forms import AppCodeForm, BackupCodeForm, DisableForm
from .rules import must_use_two_factor
from .signals import SESSION_HAS_TWO_FACTOR

# Between the password and the code: {"user": id, "backend": path, "at": epoch
# seconds, "next": url}. The session is not logged in until the code is right.
SESSION_PENDING_LOGIN = "two_factor_pending_login"
# The secret being set up (not stored on the account until a code confirms it).
SESSION_SETUP_KEY = "two_factor_setup_key"
# Backup codes just made, shown once by the next page.
SESSION_NEW_BACKUP_CODES = "two_factor_new_backup_codes"

LOGIN_AGAIN_MESSAGE = _("Please log in again: too much time went by.")
TOO_MANY_TRIES_MESSAGE = _(
    "Too many wrong codes. Wait %(seconds)s seconds, then try again."
)
TURNED_ON_MESSAGE = _("Two-step sign-in is on. You are now logged out everywhere else.")
TURNED_OFF_MESSAGE = _("Two-step sign-in is off.")
NEW_BACKUP_CODES_MESSAGE = _("You have new backup codes. The old ones no longer work.")
REQUIRED_MESSAGE = _(
    "Your role needs two-step sign-in. Set it up to go on: it takes two minutes."
)
QR_TITLE = _("QR code to scan with the app on your phone")


def login_pending_start(request, *, user, next_url: str) -> None:
    """Remember that `user` gave the right password; the code step finishes."""
    request.session[SESSION_PENDING_LOGIN] = {
        "user": user.pk,
        "backend": user.backend,
        "at": int(time.time()),
        "next": next_url,
    }


def _safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _pending_user(request):
    pending = request.session.get(SESSION_PENDING_LOGIN)
    if not isinstance(pending, dict):
        return None, None
    if time.time() - pending.get("at", 0) > settings.TWO_FACTOR_LOGIN_SECONDS:
        del request.session[SESSION_PENDING_LOGIN]
        return None, None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True)
    return user.first(), pending


def _locked_out(request):
    return render(
        request,
        "accounts/locked_out.html",
        lockout_params(),
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )


def _wait_seconds(locked_until) -> int:
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


@require_http_methods(["GET", "POST"])
def login_code(request):
    """The second step of logging in: a code from the app, or a backup code.

    A wrong code counts as a failed login for django-axes (the same limit and
    lock as a wrong password, per e-mail and address), and makes the device
    wait longer before the next try (django-otp), from any address."""
    pending = None
    if request.user.is_authenticated:
        # Logged in by another path (an admin login page) but not verified.
        user = request.user
        if user.is_verified():
            return redirect(_safe_next(request, request.GET.get("next")))
        next_url = _safe_next(request, request.GET.get("next"))
    else:
        user, pending = _pending_user(request)
        if user is None:
            messages.info(request, LOGIN_AGAIN_MESSAGE)
            return redirect("accounts:login")
        next_url = _safe_next(request, pending.get("next"))
    if not selectors.two_factor_enabled(user=user):
        # Reset meanwhile: nothing to ask.
        request.session[SESSION_HAS_TWO_FACTOR] = False
        if pending:
            return _finish_login(request, user, None, pending)
        return redirect(next_url)

    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.email}
    if not AxesProxyHandler.is_allowed(request, credentials):
        request.session.pop(SESSION_PENDING_LOGIN, None)
        return _locked_out(request)

    backup = "backup_code" in request.POST
    app_form = AppCodeForm(None if backup else (request.POST or None))
    backup_form = BackupCodeForm(request.POST if backup else None)
    form = backup_form if backup else app_form
    status = HTTPStatus.OK
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            field = "backup_code" if backup else "code"
            outcome = services.two_factor_verify(
                user=user, code=form.cleaned_data[field], backup=backup
            )
            if outcome.device is not None:
                if pending:
                    return _finish_login(request, user, outcome.device, pending)
                django_otp.login(request, outcome.device)
                return redirect(next_url)
            if outcome.locked_until is not None:
                status = HTTPStatus.TOO_MANY_REQUESTS
                form.add_error(
                    field,
                    TOO_MANY_TRIES_MESSAGE
                    % {"seconds": _wait_seconds(outcome.locked_until)},
                )
            else:
                form.add_error(
                    field,
                    services.WRONG_BACKUP_CODE_MESSAGE
                    if backup
                    else services.WRONG_CODE_MESSAGE,
                )
                user_login_failed.send(
                    sender=__name__, credentials=credentials, request=request
                )
                if getattr(request, "axes_locked_out", False):
                    # AxesMiddleware answers with the lockout page.
                    request.session.pop(SESSION_PENDING_LOGIN, None)
    return render(
        request,
        "accounts/two_factor_login.html",
        {"app_form": app_form, "backup_form": backup_form, "backup": backup},
        status=status,
    )


def _finish_login(request, user, device, pending):
    if device is not None:
        # django-otp's user_logged_in receiver keeps the device in the session.
        user.otp_device = device
    auth_login(request, user, backend=pending["backend"])
    request.session.pop(SESSION_PENDING_LOGIN, None)
    return redirect(_safe_next(request, pending.get("next")))


@login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan the QR code (or type the secret), confirm with a code, get backup codes."""
    user = request.user
    if selectors.two_factor_enabled(user=user):
        messages.info(request, services.ALREADY_ON_MESSAGE)
        return redirect("accounts:profile")
    key = request.session.get(SESSION_SETUP_KEY)
    if not isinstance(key, str) or len(key) != 40:
        key = services.two_factor_secret_new()
        request.session[SESSION_SETUP_KEY] = key
    form = AppCodeForm(request.POST or None)
    status = HTTPStatus.OK
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            try:
                device, codes = services.two_factor_enable(
                    user=user, key=key, code=form.cleaned_data["code"]
                )
            except ValidationError as error:
                form.add_error("code", error)
            else:
                django_otp.login(request, device)
                request.session[SESSION_HAS_TWO_FACTOR] = True
                request.session.pop(SESSION_SETUP_KEY, None)
                request.session[SESSION_NEW_BACKUP_CODES] = codes
                user_sessions_end(user=user, keep=request.session.session_key)
                messages.success(request, TURNED_ON_MESSAGE)
                return redirect(
                    reverse("accounts:two_factor_backup_codes")
                    + "?"
                    + urlencode({"next": _safe_next(request, request.GET.get("next"))})
                )
    required = settings.REQUIRE_2FA and must_use_two_factor(user)
    if required and request.method == "GET":
        messages.info(request, REQUIRED_MESSAGE)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": services.setup_qr_svg(user=user, key=key, title=str(QR_TITLE)),
            "secret": services.secret_for_typing(key),
            "next": _safe_next(request, request.GET.get("next")),
        },
        status=status,
    )


@login_required
def backup_codes(request):
    """New backup codes once, right after they were made; otherwise how many
    are left and a button for new ones."""
    if not selectors.two_factor_enabled(user=request.user):
        return redirect("accounts:two_factor_setup")
    codes = request.session.pop(SESSION_NEW_BACKUP_CODES, None)
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {
            "codes": codes,
            "codes_left": selectors.backup_codes_left(user=request.user),
            "next": _safe_next(request, request.GET.get("next")),
        },
    )


@require_POST
@login_required
def backup_codes_regenerate(request):
    if not selectors.two_factor_enabled(user=request.user):
        return redirect("accounts:two_factor_setup")
    codes = services.two_factor_backup_codes_regenerate(user=request.user)
    request.session[SESSION_NEW_BACKUP_CODES] = codes
    messages.success(request, NEW_BACKUP_CODES_MESSAGE)
    return redirect("accounts:two_factor_backup_codes")


@login_required
@require_http_methods(["GET", "POST"])
def disable(request):
    """Turn two-step sign-in off: the password and a code from the app."""
    user = request.user
    if not selectors.two_factor_enabled(user=user):
        return redirect("accounts:profile")
    form = DisableForm(request.POST or None, user=user)
    status = HTTPStatus.OK
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            outcome = services.two_factor_verify(
                user=user, code=form.cleaned_data["code"]
            )
            if outcome.device is not None:
                services.two_factor_disable(user=user)
                request.session[SESSION_HAS_TWO_FACTOR] = False
                messages.success(request, TURNED_OFF_MESSAGE)
                return redirect("accounts:profile")
            if outcome.locked_until is not None:
                status = HTTPStatus.TOO_MANY_REQUESTS
                form.add_error(
                    "code",
                    TOO_MANY_TRIES_MESSAGE
                    % {"seconds": _wait_seconds(outcome.locked_until)},
                )
            else:
                form.add_error("code", services.WRONG_CODE_MESSAGE)
    return render(
        request,
        "accounts/two_factor_disable.html",
        {"form": form, "required": settings.REQUIRE_2FA and must_use_two_factor(user)},
        status=status,
    )
