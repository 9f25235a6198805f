"""What notifications hold about a person, for "download my data" and erasure."""

from lms.accounts import personal_data

from .models import Notification, NotificationPreference


def _iso(value):
    return value.isoformat() if value else None


@personal_data.exporter(
    "notifications",
    covers=["notifications.Notification.recipient"],
)
def _export_notifications(user):
    return [
        {
            "kind": row.kind,
            "details": row.context,
            "link": row.url,
            "created_at": _iso(row.created_at),
            "emailed_at": _iso(row.emailed_at),
            "read_at": _iso(row.read_at),
        }
        for row in Notification.objects.filter(recipient=user).order_by("created_at")
    ]


@personal_data.exporter(
    "notification_preferences",
    covers=["notifications.NotificationPreference.user"],
)
def _export_preferences(user):
    return {
        "emails_turned_off": sorted(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", flat=True
            )
        )
    }


@personal_data.eraser(
    covers=[
        "notifications.Notification.recipient",
        "notifications.NotificationPreference.user",
    ]
)
def _erase_notifications(user):
    # What the person was told names firms and other people: nothing is kept.
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
