"""Reads for a placement's life cycle (placements-core): the lists, the
firms a person may add placements in, the home page counts and the export of
one placement (the trainee's download and "download my data")."""

from django.db.models import Count, Max, Q

from lms.accounts.models import Firm, Membership, User
from lms.accounts.rules import is_administrator

from ..models import Placement, PlacementStatus

_LIST_RELATED = ("firm", "mentor", "trainee")


def placements_of_trainee(*, user) -> list[Placement]:
    """The person's own placements as trainee, newest first."""
    return list(Placement.objects.filter(trainee=user).select_related(*_LIST_RELATED))


def placements_of_firm_side(*, user) -> list[Placement]:
    """Placements the person keeps on the firm's side: those they mentor and
    those of firms they are the contact of, while the trainee shares them and
    the person still belongs to the firm."""
    return list(
        Placement.objects.filter(
            Q(firm__memberships__user=user)
            & (Q(mentor=user) | Q(firm__memberships__is_contact=True)),
            sharing_withdrawn_at__isnull=True,
        )
        .exclude(trainee=user)
        .distinct()
        .select_related(*_LIST_RELATED)
    )


def placements_all() -> list[Placement]:
    """Every placement (administrators, for support)."""
    return list(Placement.objects.select_related(*_LIST_RELATED))


def placements_by_status(placements) -> list[dict]:
    """[{status, label, placements}] for the statuses that have any, in the
    order invited, under way, ended."""
    groups = []
    for status in (
        PlacementStatus.INVITED,
        PlacementStatus.ACTIVE,
        PlacementStatus.ENDED,
    ):
        rows = [p for p in placements if p.status == status]
        if rows:
            groups.append({"status": status, "label": status.label, "placements": rows})
    return groups


def firms_for_new_placement(*, user) -> list[Firm]:
    """The firms the person belongs to (they may add placements there)."""
    if not user.is_authenticated:
        return []
    return list(Firm.objects.filter(memberships__user=user).order_by("name"))


def firm_mentors(*, firm):
    """The people who may be a placement's mentor: the firm's members."""
    return User.objects.filter(memberships__firm=firm, is_active=True).order_by(
        "first_name", "last_name", "email"
    )


def user_exists(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def may_see_placement_list(*, user) -> bool:
    """Trainees, the firms' people and administrators have a placements page;
    nobody else does (course leaders and programme owners see counts only)."""
    if not user.is_authenticated:
        return False
    return bool(
        is_administrator(user)
        or user.memberships.exists()
        or Placement.objects.filter(trainee=user).exists()
    )


# The home page --------------------------------------------------------------------


def home_counts(*, user) -> dict:
    """The person's placements for the home page, in one query.

    As trainee: trainee_total, trainee_active, trainee_latest (the newest one's
    pk); on the firm's side while shared: firm_total, firm_invited,
    firm_active, firm_ended."""
    if not user.is_authenticated:
        return {}
    memberships = Membership.objects.filter(user=user)
    member_firms = memberships.values("firm_id")
    contact_firms = memberships.filter(is_contact=True).values("firm_id")
    firm_side = (Q(mentor=user, firm__in=member_firms) | Q(firm__in=contact_firms)) & Q(
        sharing_withdrawn_at__isnull=True
    )
    firm_side &= Q(trainee__isnull=True) | ~Q(trainee=user)
    mine = Q(trainee=user)
    return Placement.objects.filter(mine | firm_side).aggregate(
        trainee_total=Count("pk", filter=mine),
        trainee_active=Count("pk", filter=mine & Q(status=PlacementStatus.ACTIVE)),
        trainee_latest=Max("pk", filter=mine),
        firm_total=Count("pk", filter=firm_side),
        firm_invited=Count("pk", filter=firm_side & Q(status=PlacementStatus.INVITED)),
        firm_active=Count("pk", filter=firm_side & Q(status=PlacementStatus.ACTIVE)),
        firm_ended=Count("pk", filter=firm_side & Q(status=PlacementStatus.ENDED)),
    )


# The export ---------------------------------------------------------------------


def _iso(value):
    return value.isoformat() if value else None


def placement_export(placement: Placement) -> dict:
    """Everything the placement holds, as JSON-able data (for its trainee)."""
    mentor = placement.mentor
    data = {
        "id": placement.pk,
        "firm": placement.firm.name,
        "mentor": mentor.get_full_name() or mentor.email,
        "mentor_in_training": placement.mentor_in_training,
        "trainee": placement.trainee_name,
        "invited_email": placement.invited_email,
        "arrangement": placement.arrangement,
        "arrangement_label": str(placement.get_arrangement_display()),
        "starts_on": _iso(placement.starts_on),
        "planned_end_on": _iso(placement.planned_end_on),
        "supporting_organisation": placement.supporting_organisation,
        "evaluation_interval_weeks": placement.evaluation_interval_weeks,
        "support_agreed": placement.support_agreed,
        "plan_agreed_at": _iso(placement.plan_agreed_at),
        "status": placement.status,
        "ended_on": _iso(placement.ended_on),
        "outcome": placement.outcome,
        "sharing_withdrawn_at": _iso(placement.sharing_withdrawn_at),
        "created_at": _iso(placement.created_at),
        "introduction": [
            {
                "topic": item.topic,
                "text": item.text,
                "trainee_done_at": _iso(item.trainee_done_at),
                "mentor_done_at": _iso(item.mentor_done_at),
            }
            for item in placement.introduction_items.all()
        ],
        "goals": [
            {
                "text": goal.text,
                "criteria": [str(criterion) for criterion in goal.criteria.all()],
            }
            for goal in placement.goals.prefetch_related("criteria")
        ],
        "tasks": [
            {"week": task.week, "text": task.text} for task in placement.tasks.all()
        ],
        "evaluations": [
            {
                "held_on": _iso(evaluation.held_on),
                "went_well": evaluation.went_well,
                "to_change": evaluation.to_change,
                "written_by": str(evaluation.written_by),
                "written_at": _iso(evaluation.written_at),
                "trainee_response": evaluation.trainee_response,
                "trainee_comment": evaluation.trainee_comment,
                "responded_at": _iso(evaluation.responded_at),
                "progress": [
                    {
                        "goal": row.goal.text,
                        "progress": row.progress,
                        "note": row.note,
                    }
                    for row in evaluation.progress.select_related("goal")
                ],
            }
            for evaluation in placement.evaluations.select_related("written_by")
        ],
        "validation_cases": [
            {"unit": str(case.unit), "status": case.status}
            for case in placement.cases.select_related("unit")
        ],
    }
    return data
