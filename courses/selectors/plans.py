"""Reads for inclusion plans, with every join done here and a fixed query count."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from cms.areas import Area

from ..models import (
    Commitment,
    Enrolment,
    EnrolmentStatus,
    InclusionPlan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    RunStatus,
)


def accepted_enrolment(*, pk: int) -> Enrolment | None:
    """The enrolment with its firm and run, if it exists and has been accepted."""
    return (
        Enrolment.objects.select_related("firm", "run")
        .filter(pk=pk, status=EnrolmentStatus.ACCEPTED)
        .first()
    )


def plan_for_enrolment(*, enrolment: Enrolment) -> InclusionPlan | None:
    """The plan with its commitments (and measures) and events: three queries."""
    commitments = Commitment.objects.select_related("measure").order_by(
        "area", "position", "pk"
    )
    events = PlanEvent.objects.select_related("by").order_by("at", "pk")
    plan = (
        InclusionPlan.objects.select_related("updated_by")
        .prefetch_related(
            Prefetch("commitments", queryset=commitments),
            Prefetch("events", queryset=events),
        )
        .filter(enrolment_id=enrolment.pk)
        .first()
    )
    if plan is not None:
        # Reuse the enrolment already loaded (firm and run) instead of a query.
        plan.enrolment = enrolment
        for event in plan.events.all():
            event.snapshot_rows = snapshot_rows(event.snapshot)
    return plan


def snapshot_rows(snapshot: list[dict]) -> list[dict]:
    """A stored snapshot with each area's name, ready to show."""
    labels = dict(Area.choices)
    return [
        {
            **row,
            "area_label": labels.get(row.get("area"), ""),
            "due_date": date.fromisoformat(row["due_date"]),
        }
        for row in snapshot
    ]


def plan_status_by_enrolment(enrolment_ids: Iterable[int]) -> dict[int, PlanStatus]:
    """The plan status of each enrolment that has a plan, in one query."""
    rows = InclusionPlan.objects.filter(enrolment_id__in=list(enrolment_ids))
    return {
        enrolment_id: PlanStatus(status)
        for enrolment_id, status in rows.values_list("enrolment_id", "status")
    }


@dataclass(frozen=True)
class AreaCommitments:
    area: Area
    commitments: list


def plan_commitments_by_area(*, plan: InclusionPlan | None) -> list[AreaCommitments]:
    """All five toolbox areas in order, each with the plan's commitments in it."""
    rows = list(plan.commitments.all()) if plan is not None and plan.pk else []
    return [
        AreaCommitments(
            area=area, commitments=[row for row in rows if row.area == area]
        )
        for area in Area
    ]


def plan_latest_review(*, plan: InclusionPlan) -> PlanEvent | None:
    """The course leader's latest decision, from the prefetched events."""
    reviews = [
        event
        for event in plan.events.all()
        if event.kind in (PlanEventKind.APPROVED, PlanEventKind.CHANGES_REQUESTED)
    ]
    return reviews[-1] if reviews else None


def plans_waiting_for_review(*, user) -> list[InclusionPlan]:
    """Submitted plans in the runs the person leads, the longest waiting first,
    with the firm and run; one query."""
    return list(
        InclusionPlan.objects.filter(
            status=PlanStatus.SUBMITTED, enrolment__run__leaders=user
        )
        .select_related("enrolment__firm", "enrolment__run")
        .order_by("updated_at", "pk")
    )


def contact_plan_enrolments(*, user) -> QuerySet[Enrolment]:
    """The accepted enrolments (runs not cancelled) whose inclusion plan the
    person writes as the firm's contact, the latest run (by enrolment deadline)
    first."""
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(
            status=EnrolmentStatus.ACCEPTED,
            firm__memberships__user=user,
            firm__memberships__is_contact=True,
        )
        .exclude(run__status=RunStatus.CANCELLED)
        .order_by("-run__enrolment_deadline", "-pk")
    )
