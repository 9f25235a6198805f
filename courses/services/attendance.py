"""Attendance, taken by the course leader during a session."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, AttendanceStatus, Enrolment, EnrolmentStatus, Session

NOT_IN_RUN_MESSAGE = _("%(person)s is not a participant in this course run.")
UNKNOWN_STATUS_MESSAGE = _("Choose present, late, excused or absent.")
SESSION_NOT_STARTED_MESSAGE = _(
    "This session has not started yet. Confirm that you want to take attendance "
    "before it starts, then tap the status again."
)


def session_has_started(session: Session, *, now=None) -> bool:
    """Whether the session's start time has come (attendance is normally taken
    during or after it)."""
    return session.starts_at <= (now or timezone.now())


def attendance_check_early(*, session: Session, confirmed: bool) -> None:
    """Refuse attendance for a session that has not started unless the leader
    confirmed it: a tap on the wrong session in the list must not count."""
    if not confirmed and not session_has_started(session):
        raise ValidationError(SESSION_NOT_STARTED_MESSAGE, code="not_started")


def attendance_record(*, session: Session, user, status: str, by) -> Attendance:
    """Record (or correct) one person's attendance at a session; idempotent."""
    if status not in AttendanceStatus.values:
        raise ValidationError(UNKNOWN_STATUS_MESSAGE, code="status")
    in_run = Enrolment.objects.filter(
        run_id=session.run_id,
        status=EnrolmentStatus.ACCEPTED,
        participants=user,
    ).exists()
    if not in_run:
        raise ValidationError(
            NOT_IN_RUN_MESSAGE, code="not_in_run", params={"person": str(user)}
        )
    attendance, _created = Attendance.objects.update_or_create(
        session=session,
        user=user,
        defaults={"status": status, "recorded_by": by},
    )
    return attendance
