"""Firms applying for runs, being accepted, and choosing who takes part."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Firm, Membership

from .. import notifications
from ..models import CourseRun, Enrolment, EnrolmentStatus, RunStatus

RUN_NOT_OPEN_MESSAGE = _("This course run is not open for enrolment.")
DEADLINE_PASSED_MESSAGE = _("The enrolment deadline for this course run has passed.")
ALREADY_ENROLLED_MESSAGE = _("%(firm)s has already applied for this course run.")
RUN_FULL_MESSAGE = _(
    "The course run is full: %(capacity)s firms have been accepted already."
)
NOT_A_MEMBER_MESSAGE = _("%(person)s is not a member of %(firm)s.")
CANNOT_ACCEPT_MESSAGE = _("Only an application can be accepted.")
CANNOT_DECLINE_MESSAGE = _(
    "Only an application that has not been accepted can be declined. "
    "%(firm)s is %(status)s."
)


@transaction.atomic
def enrolment_apply(*, run: CourseRun, firm: Firm, by) -> Enrolment:
    """Apply for a place for the firm; refused after the deadline or when closed."""
    if run.status != RunStatus.OPEN:
        raise ValidationError(RUN_NOT_OPEN_MESSAGE, code="not_open")
    if timezone.localdate() > run.enrolment_deadline:
        raise ValidationError(DEADLINE_PASSED_MESSAGE, code="deadline")
    existing = Enrolment.objects.filter(run=run, firm=firm).first()
    if existing is not None and existing.status != EnrolmentStatus.WITHDRAWN:
        raise ValidationError(
            ALREADY_ENROLLED_MESSAGE, code="duplicate", params={"firm": firm.name}
        )
    if existing is not None:
        existing.status = EnrolmentStatus.APPLIED
        existing.applied_by = by
        existing.decided_at = None
        existing.save(update_fields=["status", "applied_by", "decided_at"])
        notifications.application_received(enrolment=existing)
        return existing
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(run=run, firm=firm, applied_by=by)
    except IntegrityError as error:
        raise ValidationError(
            ALREADY_ENROLLED_MESSAGE, code="duplicate", params={"firm": firm.name}
        ) from error
    enrolment.participants.add(by)
    notifications.application_received(enrolment=enrolment)
    return enrolment


@transaction.atomic
def enrolment_accept(*, enrolment: Enrolment, by) -> Enrolment:
    """Accept an application while the run has room (capacity counts firms)."""
    # Lock the run so two leaders accepting at once cannot pass the capacity.
    run = CourseRun.objects.select_for_update().get(pk=enrolment.run_id)
    enrolment.refresh_from_db()
    if enrolment.status != EnrolmentStatus.APPLIED:
        raise ValidationError(CANNOT_ACCEPT_MESSAGE, code="not_applied")
    accepted = run.enrolments.filter(status=EnrolmentStatus.ACCEPTED).count()
    if accepted >= run.capacity:
        raise ValidationError(
            RUN_FULL_MESSAGE, code="full", params={"capacity": run.capacity}
        )
    enrolment.status = EnrolmentStatus.ACCEPTED
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    notifications.application_decided(enrolment=enrolment, accepted=True)
    return enrolment


@transaction.atomic
def enrolment_decline(*, enrolment: Enrolment, by) -> Enrolment:
    """Decline a pending application; an accepted (perhaps certified) or already
    withdrawn enrolment is refused and left as it is."""
    # The run's row is the lock `enrolment_accept` takes too: a leader accepting
    # the same application at the same moment goes first or after, never both.
    CourseRun.objects.select_for_update().get(pk=enrolment.run_id)
    enrolment = Enrolment.objects.select_related("firm").get(pk=enrolment.pk)
    if enrolment.status != EnrolmentStatus.APPLIED or hasattr(
        enrolment, "certification"
    ):
        raise ValidationError(
            CANNOT_DECLINE_MESSAGE,
            code="not_applied",
            params={
                "firm": enrolment.firm.name,
                "status": str(enrolment.get_status_display()).lower(),
            },
        )
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.decided_at = timezone.now()
    enrolment.save(update_fields=["status", "decided_at"])
    notifications.application_decided(enrolment=enrolment, accepted=False)
    return enrolment


@transaction.atomic
def enrolment_set_participants(*, enrolment: Enrolment, users) -> Enrolment:
    """Choose who takes part; everyone must be a member of the enrolled firm."""
    users = list(users)
    members = set(
        Membership.objects.filter(
            firm_id=enrolment.firm_id, user__in=users
        ).values_list("user_id", flat=True)
    )
    for user in users:
        if user.pk not in members:
            raise ValidationError(
                NOT_A_MEMBER_MESSAGE,
                code="not_member",
                params={"person": str(user), "firm": enrolment.firm.name},
            )
    enrolment.participants.set(users)
    return enrolment
