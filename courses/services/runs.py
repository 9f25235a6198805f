"""Creating and adjusting course runs and their sessions."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Course, CourseRun, RunStatus, Session

SESSION_ENDS_BEFORE_START_MESSAGE = _("The session must end after it starts.")
SESSION_OVERLAP_MESSAGE = _(
    "This session overlaps session %(number)s of the run (%(start)s–%(end)s)."
)
COURSE_WITHOUT_SESSIONS_MESSAGE = _("This course has no session templates to copy.")


def _validate_session_times(session: Session) -> None:
    """Refuse a session that ends before it starts or overlaps another in its run."""
    if session.ends_at <= session.starts_at:
        raise ValidationError({"ends_at": SESSION_ENDS_BEFORE_START_MESSAGE})
    clash = (
        Session.objects.filter(
            run_id=session.run_id,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        )
        .exclude(pk=session.pk)
        .order_by("starts_at")
        .first()
    )
    if clash is not None:
        local_start = timezone.localtime(clash.starts_at)
        local_end = timezone.localtime(clash.ends_at)
        raise ValidationError(
            {
                "starts_at": ValidationError(
                    SESSION_OVERLAP_MESSAGE,
                    code="overlap",
                    params={
                        "number": clash.position,
                        "start": local_start.strftime("%d.%m.%Y %H:%M"),
                        "end": local_end.strftime("%H:%M"),
                    },
                )
            }
        )


@transaction.atomic
def run_create_from_course(
    *,
    course: Course,
    title: str,
    municipality: str,
    capacity: int,
    enrolment_deadline: date,
    first_session_starts_at: datetime,
    place: str,
    leaders,
) -> CourseRun:
    """Create a run with one session per template, spaced as the templates say."""
    templates = list(
        course.session_templates.prefetch_related("preparation_lessons").order_by(
            "position"
        )
    )
    if not templates:
        raise ValidationError(COURSE_WITHOUT_SESSIONS_MESSAGE, code="no_templates")
    run = CourseRun(
        course=course,
        title=title,
        municipality=municipality,
        capacity=capacity,
        enrolment_deadline=enrolment_deadline,
        status=RunStatus.OPEN,
    )
    run.full_clean()
    run.save()
    run.leaders.set(leaders)
    starts_at = first_session_starts_at
    for number, template in enumerate(templates, start=1):
        if number > 1:
            starts_at = starts_at + timedelta(days=template.days_after_previous)
        session = Session(
            run=run,
            position=number,
            title=template.title,
            agenda=template.agenda,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=template.duration_minutes),
            place=place,
        )
        session.full_clean()
        _validate_session_times(session)
        session.save()
        session.preparation_lessons.set(template.preparation_lessons.all())
    return run


@transaction.atomic
def session_update(
    *,
    session: Session,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    agenda: str,
    preparation_lessons=None,
) -> Session:
    """Change a session; refuses times that end before the start or overlap."""
    session.title = title
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.place = place
    session.agenda = agenda
    _validate_session_times(session)
    session.full_clean()
    session.save()
    if preparation_lessons is not None:
        session.preparation_lessons.set(preparation_lessons)
    return session
