"""Reads for a placement's validation: the work-area units a trainee can be
validated on, who may assess, the placement's cases, and whether a mentor is
validated."""

from django.db.models import Prefetch, QuerySet

from lms.accounts.models import User
from lms.accounts.roles import Role
from validation.models import (
    AssessmentCriterion,
    Case,
    CaseStatus,
    LearningOutcome,
    Unit,
    UnitStatus,
)

from ..models import Placement


def is_validated_mentor(user) -> bool:
    """Whether the person holds a standing validation certificate (certified
    case, certificate not revoked) on a unit in a pathway that is not for
    trainees: a trainee's work-area certificate does not make a mentor."""
    if user is None or not user.is_authenticated:
        return False
    return Case.objects.filter(
        candidate=user,
        status=CaseStatus.CERTIFIED,
        certificate__revoked_at__isnull=True,
        unit__pathways__for_trainees=False,
    ).exists()


def work_area_units() -> QuerySet[Unit]:
    """Approved units in a pathway for trainees, with their outcomes and
    criteria in order (three queries when evaluated)."""
    return (
        Unit.objects.filter(status=UnitStatus.APPROVED, pathways__for_trainees=True)
        .distinct()
        .order_by("code")
        .prefetch_related(
            Prefetch("outcomes", queryset=LearningOutcome.objects.order_by("number")),
            Prefetch(
                "outcomes__criteria",
                queryset=AssessmentCriterion.objects.order_by("number"),
            ),
        )
    )


def assessor_choices(*, placement: Placement) -> QuerySet[User]:
    """Active assessors who are neither the placement's mentor nor its trainee
    (separation of duties)."""
    excluded = [pk for pk in (placement.mentor_id, placement.trainee_id) if pk]
    return (
        User.objects.filter(groups__name=Role.ASSESSOR.value, is_active=True)
        .exclude(pk__in=excluded)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def placement_cases(*, placement: Placement) -> list[Case]:
    """The placement's validation cases with their unit, people and certificate
    (one query), oldest first."""
    return list(
        placement.cases.select_related(
            "unit",
            "candidate",
            "assessor",
            "observer",
            "verifier",
            "moderation_sample",
            "certificate",
        ).order_by("created_at", "pk")
    )
