"""Reads for the work plan and the evaluations of a placement."""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from validation.models import AssessmentCriterion

from ..models import Evaluation, GoalProgress, Placement, PlacementStatus
from .validation import work_area_units

# The work plan ------------------------------------------------------------------


def work_area_criteria() -> list[AssessmentCriterion]:
    """Every criterion of the work-area units, with its outcome and unit loaded,
    in the order the units and their criteria are read (unit, 1.1, 1.2, 2.1 …)."""
    return list(
        AssessmentCriterion.objects.filter(outcome__unit__in=work_area_units())
        .select_related("outcome__unit")
        .order_by(
            "outcome__unit__title", "outcome__unit__code", "outcome__number", "number"
        )
    )


def criterion_label(criterion: AssessmentCriterion) -> str:
    """ "Café 2.1: Serves the guests …": the unit, the criterion's number, its text."""
    return f"{criterion.outcome.unit.title} {criterion.label}: {criterion.text}"


def work_area_criteria_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """The work-area criteria as grouped choices, one group per unit."""
    return [
        (unit.title, [(c.pk, f"{c.label}: {c.text}") for c in criteria])
        for unit, criteria in groupby(
            work_area_criteria(), key=lambda c: c.outcome.unit
        )
    ]


@dataclass(frozen=True)
class TaskWeek:
    week: int
    starts_on: date
    tasks: list


def work_plan_detail(*, placement: Placement) -> dict:
    """The plan as the pages show it: goals with their criteria (unit loaded),
    tasks grouped by week (with the date each week starts) and the support."""
    goals = list(
        placement.goals.prefetch_related(
            Prefetch(
                "criteria",
                queryset=AssessmentCriterion.objects.select_related(
                    "outcome__unit"
                ).order_by("outcome__unit__title", "outcome__number", "number"),
            )
        ).order_by("position", "pk")
    )
    weeks = [
        TaskWeek(
            week=week,
            starts_on=placement.starts_on + timedelta(weeks=week - 1),
            tasks=list(tasks),
        )
        for week, tasks in groupby(
            placement.tasks.order_by("week", "pk"), key=lambda task: task.week
        )
    ]
    for goal in goals:
        goal.criteria_labels = [criterion_label(c) for c in goal.criteria.all()]
    return {"goals": goals, "weeks": weeks, "support_agreed": placement.support_agreed}


# Evaluations --------------------------------------------------------------------


def evaluation_get(*, pk: int) -> Evaluation | None:
    """One evaluation with its placement (firm, mentor, trainee), its writer and
    the progress per goal (goal loaded), or None."""
    return (
        Evaluation.objects.select_related(
            "placement__firm", "placement__mentor", "placement__trainee", "written_by"
        )
        .prefetch_related(
            Prefetch(
                "progress",
                queryset=GoalProgress.objects.select_related("goal").order_by(
                    "goal__position", "goal__pk"
                ),
            )
        )
        .filter(pk=pk)
        .first()
    )


def placement_evaluations(*, placement: Placement) -> list[Evaluation]:
    """The placement's evaluations, newest first."""
    return list(placement.evaluations.order_by("-held_on", "-pk"))


@dataclass(frozen=True)
class EvaluationDue:
    due_on: date
    overdue: bool


def evaluation_schedule(
    placement: Placement, *, today: date | None = None
) -> EvaluationDue | None:
    """When the next evaluation is due: the interval after the last one held (or
    after the start), and whether that day has passed. None unless under way."""
    if placement.status != PlacementStatus.ACTIVE:
        return None
    today = today or timezone.localdate()
    last = (
        placement.evaluations.order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    due_on = (last or placement.starts_on) + timedelta(
        weeks=placement.evaluation_interval_weeks
    )
    return EvaluationDue(due_on=due_on, overdue=today > due_on)
