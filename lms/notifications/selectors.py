"""Reads for notifications: the recent list on the home page and the preferences."""

from dataclasses import dataclass

from lms.accounts.models import User

from .kinds import OPTIONAL_KINDS, REQUIRED_KINDS, Kind
from .models import Notification, NotificationPreference


def notifications_recent(*, user: User, limit: int = 5) -> list[Notification]:
    """The person's newest notifications, newest first (only their own)."""
    return list(Notification.objects.filter(recipient=user)[:limit])


def notifications_unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@dataclass(frozen=True)
class KindPreference:
    kind: Kind
    label: str
    on: bool
    required: bool


def notification_preferences(*, user: User) -> list[KindPreference]:
    """Every kind of e-mail with whether `user` gets it: optional kinds first
    (as the person set them), then the required ones (always on)."""
    off = set(
        NotificationPreference.objects.filter(user=user).values_list("kind", flat=True)
    )
    optional = [
        KindPreference(kind=kind, label=kind.label, on=kind not in off, required=False)
        for kind in OPTIONAL_KINDS
    ]
    required = [
        KindPreference(kind=kind, label=kind.label, on=True, required=True)
        for kind in Kind
        if kind in REQUIRED_KINDS
    ]
    return optional + required
