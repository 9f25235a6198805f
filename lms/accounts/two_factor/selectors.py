"""Reads about a person's two-step sign-in."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_for(*, user) -> TOTPDevice | None:
    """The person's confirmed phone app, or None: one query."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).first()


def backup_device_for(*, user) -> StaticDevice | None:
    """The person's backup codes (a django-otp static device), or None."""
    return StaticDevice.objects.filter(user_id=user.pk, confirmed=True).first()


def two_factor_enabled(*, user) -> bool:
    """Whether the person has set up two-step sign-in: one query."""
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


def backup_codes_left(*, user) -> int:
    """How many unused backup codes the person has."""
    return StaticToken.objects.filter(
        device__user_id=user.pk, device__confirmed=True
    ).count()
