"""Mails are rendered and sent here, away from the request (django-tasks).

With the database backend (production) a worker (`make worker`) runs them; with
the immediate backend they run when the request's transaction commits. Either
way a mail server that fails is logged and never raises into a page.
"""

import logging

from django.utils import timezone

from django_tasks import task

from .mail import MAIL_ERRORS, mail_context, mail_deliver, mail_render

logger = logging.getLogger(__name__)


def notification_email_send(
    *, notification_id: int, raise_errors: bool = False
) -> bool:
    """E-mail one notification to its recipient, once; True if this call sent it.

    The row is claimed (`emailed_at`) before sending, so a second worker sends
    nothing; a failed send releases the claim and is logged (or raised, for a
    caller that must roll back and try again)."""
    from .models import Notification

    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id,
        emailed_at__isnull=True,
        recipient__is_active=True,
        recipient__anonymised_at__isnull=True,
    ).update(emailed_at=now)
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient").get(
        pk=notification_id
    )
    recipient = notification.recipient
    context = mail_context(
        template=notification.kind,
        context={
            **notification.context,
            "recipient_name": recipient.first_name or recipient.email,
        },
        url=notification.url,
    )
    try:
        mail = mail_render(
            template=notification.kind, context=context, language=recipient.language
        )
        mail_deliver(to_email=recipient.email, mail=mail)
    except MAIL_ERRORS:
        Notification.objects.filter(pk=notification_id, emailed_at=now).update(
            emailed_at=None
        )
        if raise_errors:
            raise
        logger.exception(
            "Notification %s (%s) not e-mailed", notification_id, notification.kind
        )
        return False
    return True


@task()
def notification_email(notification_id: int) -> bool:
    """Send the e-mail of one notification (see `notification_email_send`)."""
    return notification_email_send(notification_id=notification_id)


def mail_to_address_send(
    *, to_email: str, language: str, template: str, context: dict, url: str = ""
) -> None:
    """Render and send one mail to an address; a mail server's error raises."""
    mail = mail_render(
        template=template,
        context=mail_context(template=template, context=context, url=url),
        language=language,
    )
    mail_deliver(to_email=to_email, mail=mail)


@task()
def mail_to_address(
    to_email: str, language: str, template: str, context: dict, url: str = ""
) -> bool:
    """Render and send one mail to an address without an account; logs failures."""
    try:
        mail_to_address_send(
            to_email=to_email,
            language=language,
            template=template,
            context=context,
            url=url,
        )
    except MAIL_ERRORS:
        logger.exception("Mail %s not sent", template)
        return False
    return True
