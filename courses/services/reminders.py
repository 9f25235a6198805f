"""Reminder e-mails, each sent at most once: before a session (to each
participant) and before a certification expires (to the firm's contacts)."""

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from cms.models import LessonPage
from lms.accounts.models import User
from lms.links import absolute_url
from lms.notifications.kinds import Kind
from lms.notifications.services import notify

from .. import notifications
from ..models import (
    Certification,
    EnrolmentStatus,
    ExpiryReminder,
    RunStatus,
    Session,
    SessionReminder,
)
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
        my_course_url = absolute_url(reverse("courses:my_course"))
        notify(
            recipient=user,
            kind=Kind.SESSION_REMINDER,
            context={
                "run_title": session.run.title,
                "session_position": session.position,
                "session_title": session.title,
                "starts_at": session.starts_at,
                "ends_at": session.ends_at,
                "place": session.place,
                "agenda": session.agenda,
                "lessons": [
                    (lesson.title, absolute_url(lesson.get_url() or ""))
                    for lesson in session.preparation_lessons.all()
                ],
                "my_course_url": my_course_url,
                "calendar_url": absolute_url(reverse("courses:my_course_calendar")),
            },
            url=my_course_url,
            # In the task already: a failed send rolls back and is tried again.
            send_now=True,
        )
    return True


# Days before expiry at which the firm's contacts are reminded, latest first.
EXPIRY_REMINDER_DAYS = (30, 90)


def _expiry_reminders_due(*, today: date):
    horizon = date.fromordinal(today.toordinal() + max(EXPIRY_REMINDER_DAYS))
    return Certification.objects.filter(
        revoked_at__isnull=True, valid_until__gte=today, valid_until__lte=horizon
    )


def _expiry_reminder_days(*, certification: Certification, today: date) -> int:
    """The most urgent reminder that is due; a missed 90-day one is not sent
    after the 30-day one."""
    days_left = (certification.valid_until - today).days
    return min(d for d in EXPIRY_REMINDER_DAYS if days_left <= d)


def expiry_reminders_enqueue(*, today: date | None = None) -> int:
    """Queue one reminder task per certification whose firm is due a reminder
    and has not had it; returns how many were queued. The task decides again,
    so a certification queued twice (two cron runs) is reminded once."""
    from ..tasks import send_certification_reminder

    today = today or timezone.localdate()
    due = [
        certification
        for certification in _expiry_reminders_due(today=today).prefetch_related(
            "expiry_reminders"
        )
        if not any(
            sent.valid_until == certification.valid_until
            and sent.days_before
            == _expiry_reminder_days(certification=certification, today=today)
            for sent in certification.expiry_reminders.all()
        )
    ]
    for certification in due:
        send_certification_reminder.enqueue(certification_id=certification.pk)
    return len(due)


def expiry_reminders_send(*, today: date | None = None) -> int:
    """Send every expiry reminder due now in this process (what the queued tasks
    do one by one); returns how many certifications were reminded about."""
    today = today or timezone.localdate()
    return sum(
        expiry_reminder_send(certification_id=pk, today=today)
        for pk in _expiry_reminders_due(today=today).values_list("pk", flat=True)
    )


def expiry_reminder_send(*, certification_id: int, today: date | None = None) -> bool:
    """E-mail the contacts of the firm whose certification expires within 90 or
    30 days; each reminder at most once per certification period. True if this
    call reminded them.

    The `ExpiryReminder` row is written in the same transaction as the
    notifications: a second run (or a concurrent worker) hits the unique
    constraint and sends nothing. A firm without a contact is tried next time."""
    today = today or timezone.localdate()
    certification = (
        _expiry_reminders_due(today=today)
        .filter(pk=certification_id)
        .select_related("enrolment__firm", "enrolment__run__course")
        .first()
    )
    if certification is None:
        return False
    days_left = (certification.valid_until - today).days
    days_before = _expiry_reminder_days(certification=certification, today=today)
    contacts = list(
        User.objects.filter(
            memberships__firm=certification.enrolment.firm_id,
            memberships__is_contact=True,
            is_active=True,
            anonymised_at__isnull=True,
        )
    )
    if not contacts:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                ExpiryReminder.objects.create(
                    certification=certification,
                    days_before=days_before,
                    valid_until=certification.valid_until,
                )
        except IntegrityError:
            return False  # already sent for this period
        # A later, less urgent reminder must not follow this one.
        ExpiryReminder.objects.bulk_create(
            [
                ExpiryReminder(
                    certification=certification,
                    days_before=d,
                    valid_until=certification.valid_until,
                )
                for d in EXPIRY_REMINDER_DAYS
                if d > days_before
            ],
            ignore_conflicts=True,
        )
        notifications.certification_expiring(
            certification=certification, contacts=contacts, days_left=days_left
        )
    return True
