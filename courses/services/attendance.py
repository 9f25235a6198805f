"""Attendance, taken by the course leader during a session."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, AttendanceStatus, Enrolment, EnrolmentStatus, Session

NOT_IN_RUN_MESSAGE = _("%(person)s is not a participant in this course run.")
UNKNOWN_STATUS_MESSAGE = _("Choose present, late, excused or absent.")


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
