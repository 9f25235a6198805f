"""The work plan: goals (linked where they fit to work-area criteria), tasks per
week and the support agreed, written by the firm's side and agreed to by the
trainee. Any real change to the plan asks the trainee to agree again."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Goal, GoalProgress, Placement, PlacementStatus, WeeklyTask
from ..selectors.plan import work_area_criteria

MAX_GOALS = 30
MAX_TASKS = 200
MAX_TEXT = 300
FIRST_WEEK = 1
LAST_WEEK = 104

ENDED_MESSAGE = _("This placement has ended. The plan can no longer be changed.")
TOO_MANY_GOALS_MESSAGE = _(
    "A plan can have at most %(num)d goals. Nothing was saved: remove some goals "
    "and save again."
)
TOO_MANY_TASKS_MESSAGE = _(
    "A plan can have at most %(num)d tasks. Nothing was saved: remove some tasks "
    "and save again."
)
GOAL_TEXT_REQUIRED_MESSAGE = _("Write the goal.")
TASK_TEXT_REQUIRED_MESSAGE = _("Write the task.")
# The same texts as the form's (Django passes `limit_value` to a length error).
TEXT_TOO_LONG_MESSAGE = _("Write at most %(limit_value)d characters.")
WEEK_MESSAGE = _("Write a week number from 1 to 104.")
CRITERION_NOT_WORK_AREA_MESSAGE = _(
    "A goal can only be linked to criteria of the work-area units."
)
GOAL_NOT_IN_PLAN_MESSAGE = _(
    "A goal in the form is not in this plan any more. Open the plan again."
)
GOAL_IN_EVALUATION_MESSAGE = _(
    "The goal “%(goal)s” is part of an evaluation, so it cannot be removed. "
    "You can change its text."
)
NO_GOALS_MESSAGE = _("The plan has no goals yet, so there is nothing to agree to.")
NOT_TRAINEE_MESSAGE = _("Only the trainee can agree to the plan.")


def _clean_text(text, *, required_message) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(required_message, code="required")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            TEXT_TOO_LONG_MESSAGE, code="max_length", params={"limit_value": MAX_TEXT}
        )
    return text


def _clean_goals(placement: Placement, goals: Iterable[dict]) -> list[dict]:
    goals = list(goals)
    if len(goals) > MAX_GOALS:
        raise ValidationError(
            TOO_MANY_GOALS_MESSAGE, code="too_many", params={"num": MAX_GOALS}
        )
    allowed = {criterion.pk for criterion in work_area_criteria()}
    existing = set(placement.goals.values_list("pk", flat=True))
    cleaned = []
    for goal in goals:
        pk = goal.get("pk")
        if pk is not None and pk not in existing:
            raise ValidationError(GOAL_NOT_IN_PLAN_MESSAGE, code="goal_not_in_plan")
        criteria = {getattr(c, "pk", c) for c in goal.get("criteria") or ()}
        if not criteria <= allowed:
            raise ValidationError(
                CRITERION_NOT_WORK_AREA_MESSAGE, code="criterion_not_work_area"
            )
        cleaned.append(
            {
                "pk": pk,
                "text": _clean_text(
                    goal.get("text"), required_message=GOAL_TEXT_REQUIRED_MESSAGE
                ),
                "criteria": sorted(criteria),
            }
        )
    return cleaned


def _clean_tasks(tasks: Iterable[dict]) -> list[tuple[int, str]]:
    tasks = list(tasks)
    if len(tasks) > MAX_TASKS:
        raise ValidationError(
            TOO_MANY_TASKS_MESSAGE, code="too_many", params={"num": MAX_TASKS}
        )
    cleaned = []
    for task in tasks:
        week = task.get("week")
        if (
            not isinstance(week, int)
            or isinstance(week, bool)
            or not FIRST_WEEK <= week <= LAST_WEEK
        ):
            raise ValidationError(WEEK_MESSAGE, code="week")
        text = _clean_text(
            task.get("text"), required_message=TASK_TEXT_REQUIRED_MESSAGE
        )
        cleaned.append((week, text))
    # Shown by week, in the order written within a week.
    return sorted(cleaned, key=lambda task: task[0])


def _plan_as_saved(placement: Placement):
    goals = [
        (goal.pk, goal.text, sorted(c.pk for c in goal.criteria.all()))
        for goal in placement.goals.prefetch_related("criteria").order_by(
            "position", "pk"
        )
    ]
    tasks = list(placement.tasks.order_by("week", "pk").values_list("week", "text"))
    return goals, tasks, placement.support_agreed.strip()


@transaction.atomic
def work_plan_update(
    *,
    placement: Placement,
    goals: Iterable[dict],
    tasks: Iterable[dict],
    support_agreed: str,
    by,
) -> bool:
    """Replace the plan with `goals` (dicts: `pk` of a saved goal or None, `text`,
    `criteria`), `tasks` (dicts: `week`, `text`) and `support_agreed`, all or
    nothing. Returns whether anything changed; a change clears the trainee's
    agreement, no change keeps it. Goals used in an evaluation are never removed.
    """
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status == PlacementStatus.ENDED:
        raise ValidationError(ENDED_MESSAGE, code="ended")
    new_goals = _clean_goals(placement, goals)
    new_tasks = _clean_tasks(tasks)
    support_agreed = (support_agreed or "").strip()

    old_goals, old_tasks, old_support = _plan_as_saved(placement)
    if (
        [(g["pk"], g["text"], g["criteria"]) for g in new_goals] == old_goals
        and new_tasks == old_tasks
        and support_agreed == old_support
    ):
        return False

    kept = {g["pk"] for g in new_goals if g["pk"] is not None}
    removed = placement.goals.exclude(pk__in=kept)
    in_evaluation = (
        removed.filter(
            pk__in=GoalProgress.objects.filter(evaluation__placement=placement).values(
                "goal"
            )
        )
        .order_by("position", "pk")
        .first()
    )
    if in_evaluation is not None:
        raise ValidationError(
            GOAL_IN_EVALUATION_MESSAGE,
            code="goal_in_evaluation",
            params={"goal": in_evaluation.text},
        )
    removed.delete()

    saved = {goal.pk: goal for goal in placement.goals.all()}
    for position, data in enumerate(new_goals):
        goal = saved.get(data["pk"]) or Goal(placement=placement)
        goal.position = position
        goal.text = data["text"]
        goal.full_clean()
        goal.save()
        goal.criteria.set(data["criteria"])

    placement.tasks.all().delete()
    WeeklyTask.objects.bulk_create(
        [WeeklyTask(placement=placement, week=w, text=t) for w, t in new_tasks]
    )

    placement.support_agreed = support_agreed
    placement.plan_agreed_at = None
    placement.save(update_fields=["support_agreed", "plan_agreed_at", "updated_at"])
    return True


@transaction.atomic
def work_plan_agree(*, placement: Placement, by) -> Placement:
    """The trainee agrees to the plan as it stands now (kept if already agreed)."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if by.pk != placement.trainee_id:
        raise ValidationError(NOT_TRAINEE_MESSAGE, code="not_trainee")
    if placement.status == PlacementStatus.ENDED:
        raise ValidationError(ENDED_MESSAGE, code="ended")
    if not placement.goals.exists():
        raise ValidationError(NO_GOALS_MESSAGE, code="no_goals")
    if placement.plan_agreed_at is None:
        placement.plan_agreed_at = timezone.now()
        placement.save(update_fields=["plan_agreed_at", "updated_at"])
    return placement
