"""Reads for firms: open runs, their enrolments and what is still missing."""

from django.db.models import QuerySet

from lms.accounts.models import Firm

from ..models import CourseRun, Enrolment
from .certification import enrolment_certification_check
from .runs import run_overview


def open_runs() -> QuerySet[CourseRun]:
    from django.utils import timezone

    from ..models import RunStatus

    return (
        CourseRun.objects.filter(
            status=RunStatus.OPEN, enrolment_deadline__gte=timezone.localdate()
        )
        .select_related("course")
        .prefetch_related("sessions")
        .order_by("enrolment_deadline")
    )


def contact_firms(*, user) -> QuerySet[Firm]:
    """Firms the person may apply for (they are its contact)."""
    return Firm.objects.filter(memberships__user=user, memberships__is_contact=True)


def enrolments_for_user(*, user) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(firm__memberships__user=user)
        .select_related("run", "firm")
        .order_by("-run__enrolment_deadline")
    )


def enrolment_progress(*, enrolment: Enrolment) -> dict:
    """The firm's row of the run overview (None unless accepted) and the course's
    certification rules for it: `check.failing` is what is still missing."""
    overview = run_overview(run=enrolment.run)
    row = next((r for r in overview.rows if r.enrolment.pk == enrolment.pk), None)
    check = enrolment_certification_check(enrolment=enrolment, overview=overview)
    return {"overview": overview, "row": row, "check": check}
