"""Evaluations: a short record of a conversation (what went well, what to
change, progress per goal), written by the firm's side and then confirmed or
commented on by the trainee, once."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    Evaluation,
    GoalProgress,
    Placement,
    PlacementStatus,
    Progress,
    TraineeResponse,
)

MAX_NOTE = 300

NOT_ACTIVE_MESSAGE = _(
    "Evaluations can only be written while the placement is under way."
)
IN_FUTURE_MESSAGE = _("The date cannot be in the future.")
BEFORE_START_MESSAGE = _("The date cannot be before the placement started (%(start)s).")
WENT_WELL_REQUIRED_MESSAGE = _("Write what went well.")
TO_CHANGE_REQUIRED_MESSAGE = _("Write what to change.")
PROGRESS_MISSING_MESSAGE = _("Choose the progress for the goal “%(goal)s”.")
PROGRESS_UNKNOWN_GOAL_MESSAGE = _(
    "A goal in the form is not in the plan any more. Open the form again."
)
PROGRESS_CHOICE_MESSAGE = _("Choose one of the progress steps.")
NOTE_TOO_LONG_MESSAGE = _("Write at most %(limit_value)d characters in a note.")

ALREADY_ANSWERED_MESSAGE = _(
    "You have already answered this evaluation. The answer cannot be changed."
)
NOT_TRAINEE_MESSAGE = _("Only the trainee can answer the evaluation.")
RESPONSE_CHOICE_MESSAGE = _("Choose “This is right” or write a comment.")
COMMENT_REQUIRED_MESSAGE = _("Write your comment.")
ENDED_MESSAGE = _("This placement has ended. The evaluation cannot be answered now.")


@transaction.atomic
def evaluation_create(
    *,
    placement: Placement,
    held_on: date,
    went_well: str,
    to_change: str,
    progress: dict,
    by,
) -> Evaluation:
    """Record an evaluation with progress for every goal of the plan (`progress`:
    goal pk → (progress, note)); all or nothing. The date is neither in the
    future nor before the start."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.status != PlacementStatus.ACTIVE:
        raise ValidationError(NOT_ACTIVE_MESSAGE, code="not_active")
    errors = []
    if held_on > timezone.localdate():
        errors.append(ValidationError(IN_FUTURE_MESSAGE, code="in_future"))
    elif held_on < placement.starts_on:
        errors.append(
            ValidationError(
                BEFORE_START_MESSAGE,
                code="before_start",
                params={"start": placement.starts_on.strftime("%d.%m.%Y")},
            )
        )
    went_well = (went_well or "").strip()
    to_change = (to_change or "").strip()
    if not went_well:
        errors.append(ValidationError(WENT_WELL_REQUIRED_MESSAGE, code="required"))
    if not to_change:
        errors.append(ValidationError(TO_CHANGE_REQUIRED_MESSAGE, code="required"))

    goals = list(placement.goals.order_by("position", "pk"))
    goal_pks = {goal.pk for goal in goals}
    if set(progress) - goal_pks:
        errors.append(
            ValidationError(PROGRESS_UNKNOWN_GOAL_MESSAGE, code="unknown_goal")
        )
    rows = []
    for goal in goals:
        step, note = progress.get(goal.pk, ("", ""))
        note = (note or "").strip()
        if not step:
            errors.append(
                ValidationError(
                    PROGRESS_MISSING_MESSAGE,
                    code="progress_missing",
                    params={"goal": goal.text},
                )
            )
        elif step not in Progress.values:
            errors.append(ValidationError(PROGRESS_CHOICE_MESSAGE, code="invalid"))
        if len(note) > MAX_NOTE:
            errors.append(
                ValidationError(
                    NOTE_TOO_LONG_MESSAGE,
                    code="max_length",
                    params={"limit_value": MAX_NOTE},
                )
            )
        rows.append((goal, step, note))
    if errors:
        raise ValidationError(errors)

    evaluation = Evaluation(
        placement=placement,
        held_on=held_on,
        went_well=went_well,
        to_change=to_change,
        written_by=by,
    )
    evaluation.full_clean()
    evaluation.save()
    GoalProgress.objects.bulk_create(
        [
            GoalProgress(evaluation=evaluation, goal=goal, progress=step, note=note)
            for goal, step, note in rows
        ]
    )
    return evaluation


@transaction.atomic
def evaluation_respond(
    *, evaluation: Evaluation, response: str, comment: str, by
) -> Evaluation:
    """The trainee confirms the record ("This is right") or comments on it
    (a comment needs text); once answered, the answer stays as it is."""
    evaluation = (
        Evaluation.objects.select_for_update()
        .select_related("placement")
        .get(pk=evaluation.pk)
    )
    placement = evaluation.placement
    if by.pk != placement.trainee_id:
        raise ValidationError(NOT_TRAINEE_MESSAGE, code="not_trainee")
    if evaluation.responded_at is not None:
        raise ValidationError(ALREADY_ANSWERED_MESSAGE, code="already_answered")
    if placement.status == PlacementStatus.ENDED:
        raise ValidationError(ENDED_MESSAGE, code="ended")
    if response not in TraineeResponse.values:
        raise ValidationError(RESPONSE_CHOICE_MESSAGE, code="invalid")
    comment = (comment or "").strip()
    if response == TraineeResponse.COMMENTED and not comment:
        raise ValidationError(COMMENT_REQUIRED_MESSAGE, code="comment_required")
    evaluation.trainee_response = response
    evaluation.trainee_comment = (
        comment if response == TraineeResponse.COMMENTED else ""
    )
    evaluation.responded_at = timezone.now()
    evaluation.save(
        update_fields=["trainee_response", "trainee_comment", "responded_at"]
    )
    return evaluation
