"""Reads for sign-ups and requests to join a firm."""

from django.db.models import QuerySet

from ..models import ClaimStatus, Firm, FirmClaim, User
from ..rules import ACTIVE_ENROLMENT_STATUSES


def firm_pending_claims(*, firm: Firm) -> QuerySet[FirmClaim]:
    """Requests to join the firm still waiting for a decision, oldest first."""
    return (
        FirmClaim.objects.filter(firm=firm, status=ClaimStatus.PENDING)
        .select_related("person")
        .order_by("created_at")
    )


def claim_deciders(*, firm: Firm) -> list[User]:
    """Who is told about a request to join: the firm's contacts, or, when it has
    none, the leaders of the runs it has applied for or takes part in."""
    contacts = list(
        User.objects.filter(
            memberships__firm=firm, memberships__is_contact=True, is_active=True
        ).order_by("pk")
    )
    if contacts:
        return contacts
    return list(
        User.objects.filter(
            led_runs__enrolments__firm=firm,
            led_runs__enrolments__status__in=ACTIVE_ENROLMENT_STATUSES,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def firm_registered(*, org_number: str) -> bool:
    """An organisation number that already belongs to a firm here."""
    return Firm.objects.filter(org_number=org_number).exists()


def signup_run(*, signup):
    """The course run a sign-up applies for, if it still exists."""
    from courses.models import CourseRun

    if signup.run_id is None:
        return None
    return CourseRun.objects.filter(pk=signup.run_id).first()
