"""Telling people what happened: a row for the home page, an e-mail unless turned off.

Mails are rendered in the recipient's language from one template system
(lms/notifications/mail.py) and sent by a task (lms/notifications/tasks.py)
after the transaction that caused them commits, so a slow or failing mail
server never slows or breaks a page, and nothing is mailed for a change that
was rolled back.
"""

import json
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User

from .kinds import REQUIRED_KINDS, Kind
from .models import Notification, NotificationPreference

REQUIRED_KIND_MESSAGE = _("“%(kind)s” cannot be turned off.")
UNKNOWN_KIND_MESSAGE = _("There is no kind of e-mail called “%(kind)s”.")


def _plain(context: dict) -> dict:
    """`context` as stored: text, numbers, lists and ISO dates (TypeError else)."""
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder))


def email_wanted(*, user: User, kind: str) -> bool:
    """Whether `user` gets e-mails of this kind (required kinds always)."""
    if kind in REQUIRED_KINDS:
        return True
    return not NotificationPreference.objects.filter(user=user, kind=kind).exists()


def notify(
    *,
    recipient: User,
    kind: str,
    context: dict,
    url: str = "",
    send_now: bool = False,
) -> Notification | None:
    """Record the event for the recipient's home page and, unless they turned the
    kind off, e-mail it once the current transaction commits.

    `context` holds plain values only (text, numbers, dates; dates come back as
    ISO text, read in templates with `|isodate`). Nobody is told who can no
    longer log in (inactive or anonymised): returns None. `send_now` renders
    and sends in this process and lets a mail server's error raise: only for
    callers that already run in the background and roll back to try again
    (the reminders).
    """
    if recipient is None or not recipient.is_active or recipient.is_anonymised:
        return None
    kind = Kind(kind)
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, context=_plain(context), url=url
    )
    if not recipient.email or not email_wanted(user=recipient, kind=kind):
        return notification
    from .tasks import notification_email, notification_email_send

    if send_now:
        notification_email_send(notification_id=notification.pk, raise_errors=True)
    else:
        transaction.on_commit(
            partial(notification_email.enqueue, notification_id=notification.pk),
            robust=True,
        )
    return notification


def notify_all(
    *, recipients: Iterable[User], kind: str, context: dict, url: str = ""
) -> list[Notification]:
    """`notify` each person once (a person listed twice is told once)."""
    seen = set()
    made = []
    for person in recipients:
        if person.pk in seen:
            continue
        seen.add(person.pk)
        notification = notify(recipient=person, kind=kind, context=context, url=url)
        if notification is not None:
            made.append(notification)
    return made


def mail_send(
    *,
    to_email: str,
    language: str,
    template: str,
    context: dict,
    url: str = "",
    immediately: bool = False,
) -> None:
    """E-mail an address that has no account (yet), from the same templates.

    Queued after the transaction commits; a failure is logged. A task's
    arguments are stored by the database task backend: a mail that carries a
    one-time secret (an invitation link, a confirmation link) is sent with
    `immediately=True` instead, in this process, and a mail server's error
    raises so the caller can refuse the step (nothing stored that nobody got).
    """
    from .tasks import mail_to_address, mail_to_address_send

    context = _plain(context)
    if immediately:
        mail_to_address_send(
            to_email=to_email,
            language=language,
            template=template,
            context=context,
            url=url,
        )
        return
    transaction.on_commit(
        partial(
            mail_to_address.enqueue,
            to_email=to_email,
            language=language,
            template=template,
            context=context,
            url=url,
        ),
        robust=True,
    )


@transaction.atomic
def notification_preferences_save(*, user: User, turned_off: Iterable[str]) -> None:
    """Turn off exactly the kinds in `turned_off` for `user`, the rest on.

    A required kind (or one that does not exist) is refused and nothing changes.
    """
    turned_off = set(turned_off)
    for kind in sorted(turned_off):
        if kind not in Kind.values:
            raise ValidationError(
                UNKNOWN_KIND_MESSAGE, code="unknown", params={"kind": kind}
            )
        if kind in REQUIRED_KINDS:
            raise ValidationError(
                REQUIRED_KIND_MESSAGE,
                code="required",
                params={"kind": Kind(kind).label},
            )
    NotificationPreference.objects.filter(user=user).exclude(
        kind__in=turned_off
    ).delete()
    have = set(
        NotificationPreference.objects.filter(user=user).values_list("kind", flat=True)
    )
    NotificationPreference.objects.bulk_create(
        [
            NotificationPreference(user=user, kind=kind)
            for kind in sorted(turned_off - have)
        ]
    )


def notifications_mark_read(*, user: User) -> int:
    """Mark all of `user`'s notifications read; returns how many changed."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
