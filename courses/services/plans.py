"""Writes for the firm's inclusion plan: creation, editing and the review workflow.

The workflow is one table (`PLAN_TRANSITIONS`) and one function that applies it
(`plan_transition`); every applied transition writes a `PlanEvent` in the same
transaction, and events are only ever created, never changed.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cms.areas import Area
from lms.accounts.models import User

from .. import notifications
from ..models import (
    Commitment,
    Enrolment,
    EnrolmentStatus,
    InclusionPlan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
)

PLAN_CONFLICT_MESSAGE = _(
    "Someone else changed this plan while you were editing. Your text is still in "
    "the form below: compare with the current plan and save again."
)
PLAN_SUBMITTED_READ_ONLY_MESSAGE = _(
    "The plan is waiting for the course leader's review and cannot be changed now. "
    "If the course leader asks for changes, you can edit it again."
)
PLAN_APPROVED_READ_ONLY_MESSAGE = _(
    "The plan has been approved and can no longer be changed."
)
PLAN_SUBMIT_NOT_ALLOWED_MESSAGE = _(
    "This plan cannot be submitted: it has already been submitted or approved."
)
PLAN_REVIEW_NOT_ALLOWED_MESSAGE = _(
    "Only a submitted plan can be approved or sent back for changes. This plan is "
    "not waiting for review."
)
PLAN_TRANSITION_NOT_ALLOWED_MESSAGE = _(
    "The plan's status cannot be changed in this way."
)
PLAN_STATUS_CHANGED_MESSAGE = _(
    "The plan changed while you were looking at it. Open the plan again and retry."
)
PLAN_EMPTY_MESSAGE = _("Add at least one commitment before you submit the plan.")
PLAN_COMMENT_REQUIRED_MESSAGE = _(
    "Write a comment that tells the firm what to change in the plan."
)
PLAN_ENROLMENT_NOT_ACCEPTED_MESSAGE = _(
    "A plan can only be made for a firm whose enrolment has been accepted."
)
DUE_DATE_IN_PAST_MESSAGE = _(
    "The date %(date)s has already passed. Choose today or a later date."
)

# The toolbox's own order, not the alphabetical order of the codes.
AREA_ORDER = {area.value: index for index, area in enumerate(Area)}
EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED})
_READ_ONLY_MESSAGES = {
    PlanStatus.SUBMITTED: PLAN_SUBMITTED_READ_ONLY_MESSAGE,
    PlanStatus.APPROVED: PLAN_APPROVED_READ_ONLY_MESSAGE,
}


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    event: PlanEventKind
    refused: Promise


# The whole review workflow. Any move not listed here is refused.
PLAN_TRANSITIONS: dict[str, Transition] = {
    PlanStatus.SUBMITTED: Transition(
        sources=frozenset({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED}),
        event=PlanEventKind.SUBMITTED,
        refused=PLAN_SUBMIT_NOT_ALLOWED_MESSAGE,
    ),
    PlanStatus.APPROVED: Transition(
        sources=frozenset({PlanStatus.SUBMITTED}),
        event=PlanEventKind.APPROVED,
        refused=PLAN_REVIEW_NOT_ALLOWED_MESSAGE,
    ),
    PlanStatus.CHANGES_REQUESTED: Transition(
        sources=frozenset({PlanStatus.SUBMITTED}),
        event=PlanEventKind.CHANGES_REQUESTED,
        refused=PLAN_REVIEW_NOT_ALLOWED_MESSAGE,
    ),
}


def plan_read_only_message(plan: InclusionPlan) -> Promise | None:
    """Why the plan cannot be edited now, or None when it can."""
    if plan.status in EDITABLE_STATUSES:
        return None
    return _READ_ONLY_MESSAGES.get(plan.status, PLAN_TRANSITION_NOT_ALLOWED_MESSAGE)


def plan_get_or_create(*, enrolment: Enrolment) -> InclusionPlan:
    """The enrolment's plan, created as a draft the first time; accepted firms only."""
    if enrolment.status != EnrolmentStatus.ACCEPTED:
        raise ValidationError(
            PLAN_ENROLMENT_NOT_ACCEPTED_MESSAGE, code="enrolment_not_accepted"
        )
    plan, _created = InclusionPlan.objects.get_or_create(enrolment=enrolment)
    return plan


def _check_due_date(due_date: date, *, today: date) -> None:
    if due_date < today:
        raise ValidationError(
            DUE_DATE_IN_PAST_MESSAGE,
            code="due_date_in_past",
            params={"date": due_date.strftime("%d.%m.%Y")},
        )


def plan_save(
    *,
    plan: InclusionPlan,
    commitments: Iterable[Mapping],
    by: User,
    expected_version: int,
) -> InclusionPlan:
    """Replace the plan's commitments, only if nobody saved since `expected_version`.

    Each commitment is a mapping with `area`, `what`, `measure` (a Measure or
    None), `responsible`, `due_date` and `is_public`. Everything is validated
    before anything is written; on any error nothing changes. The version check is
    one conditional UPDATE, so two concurrent saves cannot both win.
    """
    message = plan_read_only_message(plan)
    if message is not None:
        raise ValidationError(message, code="read_only")
    today = timezone.localdate()
    rows = []
    positions: dict[str, int] = {}
    for item in commitments:
        _check_due_date(item["due_date"], today=today)
        area = item["area"]
        positions[area] = positions.get(area, 0) + 1
        row = Commitment(
            plan=plan,
            area=area,
            what=(item["what"] or "").strip(),
            measure=item.get("measure"),
            responsible=(item["responsible"] or "").strip(),
            due_date=item["due_date"],
            is_public=bool(item.get("is_public", False)),
            position=positions[area],
        )
        row.full_clean()
        rows.append(row)

    with transaction.atomic():
        updated = InclusionPlan.objects.filter(
            pk=plan.pk, version=expected_version, status__in=EDITABLE_STATUSES
        ).update(version=F("version") + 1, updated_by=by, updated_at=timezone.now())
        if updated == 0:
            current = InclusionPlan.objects.get(pk=plan.pk)
            message = plan_read_only_message(current)
            if message is not None:
                raise ValidationError(message, code="read_only")
            raise ValidationError(PLAN_CONFLICT_MESSAGE, code="conflict")
        plan.commitments.all().delete()
        Commitment.objects.bulk_create(rows)
    plan.refresh_from_db(fields=["version", "status", "updated_at", "updated_by"])
    return plan


def plan_snapshot(plan: InclusionPlan) -> list[dict]:
    """The commitments as plain JSON: what was submitted, even if a measure goes."""
    return [
        {
            "area": item.area,
            "what": item.what,
            "measure_id": item.measure_id,
            "measure": item.measure.name if item.measure else "",
            "responsible": item.responsible,
            "due_date": item.due_date.isoformat(),
            "is_public": item.is_public,
        }
        for item in sorted(
            plan.commitments.select_related("measure"),
            key=lambda item: (AREA_ORDER[item.area], item.position, item.pk),
        )
    ]


@transaction.atomic
def plan_transition(
    *, plan: InclusionPlan, to: str, by: User, comment: str = ""
) -> PlanEvent:
    """Move the plan to `to` if the table allows it, and record the event with it."""
    transition = PLAN_TRANSITIONS.get(to)
    current = InclusionPlan.objects.select_for_update().get(pk=plan.pk)
    if transition is None:
        raise ValidationError(
            PLAN_TRANSITION_NOT_ALLOWED_MESSAGE, code="transition_not_allowed"
        )
    if current.status not in transition.sources:
        raise ValidationError(transition.refused, code="transition_not_allowed")
    comment = (comment or "").strip()
    if to == PlanStatus.CHANGES_REQUESTED and not comment:
        raise ValidationError(
            {"comment": ValidationError(PLAN_COMMENT_REQUIRED_MESSAGE, "required")}
        )
    if to == PlanStatus.SUBMITTED and not current.commitments.exists():
        raise ValidationError(PLAN_EMPTY_MESSAGE, code="empty")
    # Conditional on the status and version read above: on databases without
    # row locks (SQLite) a concurrent change still makes this a no-op.
    now = timezone.now()
    updated = InclusionPlan.objects.filter(
        pk=current.pk, status=current.status, version=current.version
    ).update(status=to, updated_by=by, updated_at=now)
    if updated == 0:
        raise ValidationError(PLAN_STATUS_CHANGED_MESSAGE, code="conflict")
    event = PlanEvent.objects.create(
        plan=current,
        kind=transition.event,
        version=current.version,
        by=by,
        comment=comment,
        snapshot=plan_snapshot(current),
    )
    plan.status = to
    plan.updated_by = by
    plan.updated_at = now
    notifications.plan_moved(enrolment=current.enrolment, to=to, comment=comment)
    return event


def plan_submit(*, plan: InclusionPlan, by: User) -> PlanEvent:
    """The firm's contact sends the plan to the course leader for review."""
    return plan_transition(plan=plan, to=PlanStatus.SUBMITTED, by=by)


def plan_approve(*, plan: InclusionPlan, by: User, comment: str = "") -> PlanEvent:
    """The course leader approves the submitted plan."""
    return plan_transition(plan=plan, to=PlanStatus.APPROVED, by=by, comment=comment)


def plan_request_changes(*, plan: InclusionPlan, by: User, comment: str) -> PlanEvent:
    """The course leader sends the plan back with a comment saying what to change."""
    return plan_transition(
        plan=plan, to=PlanStatus.CHANGES_REQUESTED, by=by, comment=comment
    )
