"""Writes of two-step sign-in: set up, verify a code, new backup codes, turn
off, and an administrator's reset. The devices are django-otp's own models."""

import logging
import time
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

import segno
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from ..sessions import user_sessions_end
from .selectors import backup_device_for, totp_device_for

logger = logging.getLogger(__name__)

BACKUP_CODE_COUNT = 10
# Device names are shown only in Django's admin.
TOTP_DEVICE_NAME = "Phone app"
BACKUP_DEVICE_NAME = "Backup codes"
# The audit entry of an administrator's reset (Wagtail's log, like the admin's
# other changes; label registered in log_actions.py).
RESET_LOG_ACTION = "accounts.two_factor_reset"
TOTP_DIGITS = 6

WRONG_CODE_MESSAGE = _(
    "That code is not right. Type the 6 digits the app on your phone shows now "
    "(they change every 30 seconds)."
)
WRONG_BACKUP_CODE_MESSAGE = _("That backup code is not right, or it has been used.")
ALREADY_ON_MESSAGE = _("Two-step sign-in is already on.")


def code_normalise(code: str) -> str:
    """A code as typed, without the spaces and dashes people add, lower case
    (backup codes are stored in lower case)."""
    return "".join(code.split()).replace("-", "").lower()


def two_factor_secret_new() -> str:
    """A new random secret for a phone app (20 bytes, hex, as TOTPDevice keeps it)."""
    return random_hex(20)


def secret_for_typing(key: str) -> str:
    """The secret as a person types it into an app: base32, in groups of four."""
    text = b32encode(unhexlify(key)).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def setup_qr_svg(*, user, key: str, title: str) -> str:
    """An inline SVG QR code of the otpauth:// link for `key`, made here: no
    image service is asked, and the secret never leaves the page."""
    uri = TOTPDevice(user=user, key=key).config_url
    return segno.make(uri, error="m").svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=title
    )


def _totp_step(key: str, code: str) -> int | None:
    """The time step `code` is right for (±1 step, as TOTPDevice allows), or None."""
    if not (code.isascii() and code.isdigit() and len(code) == TOTP_DIGITS):
        return None
    totp = TOTP(unhexlify(key), step=30, t0=0, digits=TOTP_DIGITS)
    totp.time = time.time()
    if totp.verify(int(code), tolerance=1):
        return totp.t()
    return None


def _backup_codes_create(*, user) -> list[str]:
    StaticDevice.objects.filter(user_id=user.pk).delete()
    device = StaticDevice.objects.create(
        user=user, name=BACKUP_DEVICE_NAME, confirmed=True
    )
    codes: set[str] = set()
    while len(codes) < BACKUP_CODE_COUNT:
        codes.add(StaticToken.random_token())
    codes_in_order = sorted(codes)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes_in_order
    )
    return codes_in_order


@transaction.atomic
def two_factor_enable(*, user, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Turn two-step sign-in on with the app holding `key`, once `code` from it
    is right; returns the device and ten new backup codes (shown once). The code
    cannot be used again to log in."""
    if totp_device_for(user=user) is not None:
        raise ValidationError(ALREADY_ON_MESSAGE, code="already_on")
    step = _totp_step(key, code_normalise(code))
    if step is None:
        raise ValidationError(WRONG_CODE_MESSAGE, code="wrong_code")
    TOTPDevice.objects.filter(user_id=user.pk).delete()
    device = TOTPDevice(
        user=user, name=TOTP_DEVICE_NAME, key=key, confirmed=True, last_t=step
    )
    device.full_clean()
    device.save()
    return device, _backup_codes_create(user=user)


@transaction.atomic
def two_factor_backup_codes_regenerate(*, user) -> list[str]:
    """Ten new backup codes; the old ones stop working."""
    return _backup_codes_create(user=user)


@transaction.atomic
def two_factor_disable(*, user) -> None:
    """Turn two-step sign-in off: the app's secret and the backup codes go."""
    TOTPDevice.objects.filter(user_id=user.pk).delete()
    StaticDevice.objects.filter(user_id=user.pk).delete()


def two_factor_reset(*, user, by) -> None:
    """An administrator turns someone's two-step sign-in off (a lost phone): the
    devices go, every session of the person ends, and the audit log says who."""
    if not by.has_perm("accounts.reset_two_factor"):
        raise PermissionDenied
    with transaction.atomic():
        two_factor_disable(user=user)
        log(instance=user, action=RESET_LOG_ACTION, user=by)
    ended = user_sessions_end(user=user)
    logger.warning(
        "Two-step sign-in of user %s reset by user %s; %s sessions ended.",
        user.pk,
        by.pk,
        ended,
    )


@dataclass(frozen=True)
class Verification:
    """What checking a code found: the device it was right for, or when the next
    try is allowed (django-otp's throttling), or neither (a wrong code)."""

    device: TOTPDevice | StaticDevice | None = None
    locked_until: datetime | None = None


def two_factor_verify(*, user, code: str, backup: bool = False) -> Verification:
    """Check a code from the app (or, with `backup`, a backup code, which then
    cannot be used again). Every wrong code makes the device wait longer before
    the next try (1, 2, 4, 8 … seconds), whoever tries from wherever."""
    code = code_normalise(code)
    with transaction.atomic():
        found = backup_device_for(user=user) if backup else totp_device_for(user=user)
        if found is None:
            return Verification()
        device = type(found).objects.select_for_update().get(pk=found.pk)
        allowed, info = device.verify_is_allowed()
        if not allowed:
            return Verification(locked_until=(info or {}).get("locked_until"))
        if device.verify_token(code):
            return Verification(device=device)
    return Verification()
