"""Reminder e-mails before a session, each sent at most once per person."""

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from cms.models import LessonPage
from lms.accounts.models import User
from lms.links import absolute_url

from ..models import EnrolmentStatus, RunStatus, Session, SessionReminder
from ..selectors.participant import reminders_due


def session_reminders_enqueue(*, days: int = 2, now: datetime | None = None) -> int:
    """Queue one reminder task per participant and session due within `days` days;
    returns how many were queued."""
    from ..tasks import send_session_reminder

    due = reminders_due(days=days, now=now)
    for session_id, user_id in due:
        send_session_reminder.enqueue(session_id=session_id, user_id=user_id)
    return len(due)


def session_reminder_send(
    *, session_id: int, user_id: int, now: datetime | None = None
) -> bool:
    """Send the reminder unless it was already sent; True if this call sent it.

    The SessionReminder row is written in the same transaction as the decision:
    a second run (or a concurrent worker) hits the unique constraint and sends
    nothing, and a failed send rolls the row back so the next run tries again.
    """
    now = now or timezone.now()
    lessons = LessonPage.objects.live().order_by("path")
    session = (
        Session.objects.filter(pk=session_id, starts_at__gt=now)
        .exclude(run__status=RunStatus.CANCELLED)
        .select_related("run")
        .prefetch_related(Prefetch("preparation_lessons", queryset=lessons))
        .first()
    )
    if session is None:
        return False
    user = (
        User.objects.filter(
            pk=user_id,
            is_active=True,
            anonymised_at__isnull=True,
            enrolments__run_id=session.run_id,
            enrolments__status=EnrolmentStatus.ACCEPTED,
        )
        .distinct()
        .first()
    )
    if user is None:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                SessionReminder.objects.create(session=session, user=user)
        except IntegrityError:
            return False
        with translation.override(user.language), timezone.override(settings.TIME_ZONE):
            context = {
                "user": user,
                "session": session,
                "run": session.run,
                "lessons": [
                    (lesson.title, absolute_url(lesson.get_url() or ""))
                    for lesson in session.preparation_lessons.all()
                ],
                "my_course_url": absolute_url(reverse("courses:my_course")),
                "calendar_url": absolute_url(reverse("courses:my_course_calendar")),
            }
            subject = render_to_string(
                "courses/email/session_reminder_subject.txt", context
            )
            body = render_to_string("courses/email/session_reminder_body.txt", context)
        EmailMessage(
            subject=" ".join(subject.split()), body=body, to=[user.email]
        ).send()
    return True
