"""Placement views: evaluations (the firm writes one; the trainee answers it)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import lms.converters  # noqa: F401  (registers <id:…>)

from ..forms.evaluations import (
    EvaluationForm,
    ResponseForm,
    goal_progress_forms,
    progress_by_goal,
)
from ..models import PlacementStatus, TraineeResponse
from ..selectors.plan import evaluation_get
from ..services.evaluations import (
    ALREADY_ANSWERED_MESSAGE,
    evaluation_create,
    evaluation_respond,
)
from .common import placement_for

NOT_ACTIVE_MESSAGE = _(
    "You can write an evaluation when the trainee has accepted the invitation."
)
EVALUATION_SAVED_MESSAGE = _(
    "The evaluation has been saved. The trainee can now read it and answer."
)
EVALUATION_NOT_SAVED_MESSAGE = _(
    "The evaluation was not saved. Correct what is marked below and save again."
)
CONFIRMED_MESSAGE = _("Thank you. You said the evaluation is right.")
COMMENTED_MESSAGE = _("Thank you. Your comment has been saved.")
ANSWER_NOT_SAVED_MESSAGE = _("Your answer was not saved. See below.")


def _add_page(request, placement, form, progress_forms, *, status=HTTPStatus.OK):
    return render(
        request,
        "placements/evaluation_form.html",
        {"placement": placement, "form": form, "progress_forms": progress_forms},
        status=status,
    )


@login_required
def evaluation_add(request, pk):
    """The mentor or the firm contact writes an evaluation: one progress step
    for every goal of the plan."""
    placement = placement_for(request, pk, "placements.change_placement")
    if placement.status != PlacementStatus.ACTIVE:
        messages.info(request, NOT_ACTIVE_MESSAGE)
        return redirect(placement.get_absolute_url())
    goals = list(placement.goals.order_by("position", "pk"))
    if request.method != "POST":
        return _add_page(
            request,
            placement,
            EvaluationForm(initial={"held_on": timezone.localdate()}),
            goal_progress_forms(goals=goals),
        )

    form = EvaluationForm(request.POST)
    progress_forms = goal_progress_forms(goals=goals, data=request.POST)
    # Every form is checked, so every mistake is shown at once.
    valid = [f.is_valid() for f in (form, *progress_forms)]
    if all(valid):
        try:
            evaluation = evaluation_create(
                placement=placement,
                held_on=form.cleaned_data["held_on"],
                went_well=form.cleaned_data["went_well"],
                to_change=form.cleaned_data["to_change"],
                progress=progress_by_goal(progress_forms),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, EVALUATION_SAVED_MESSAGE)
            return redirect("placements:evaluation", pk=evaluation.pk)
    messages.error(request, EVALUATION_NOT_SAVED_MESSAGE)
    return _add_page(
        request, placement, form, progress_forms, status=HTTPStatus.BAD_REQUEST
    )


@login_required
def evaluation(request, pk):
    """The record (prints on one page); the trainee answers it here, once."""
    record = evaluation_get(pk=pk)
    if record is None:
        raise Http404
    perm = "placements.respond_placement"
    placement = placement_for(
        request,
        record.placement_id,
        perm if request.method == "POST" else "placements.view_placement",
    )
    user = request.user
    is_trainee = placement.trainee_id == user.pk
    can_answer = (
        is_trainee and record.responded_at is None and user.has_perm(perm, placement)
    )
    form = ResponseForm()
    status = HTTPStatus.OK
    if request.method == "POST":
        form = ResponseForm(request.POST)
        if record.responded_at is not None:
            messages.error(request, ALREADY_ANSWERED_MESSAGE)
            return redirect("placements:evaluation", pk=record.pk)
        if form.is_valid():
            try:
                evaluation_respond(
                    evaluation=record,
                    response=form.cleaned_data["response"],
                    comment=form.cleaned_data["comment"],
                    by=user,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("placements:evaluation", pk=record.pk)
            if form.cleaned_data["response"] == TraineeResponse.CONFIRMED:
                messages.success(request, CONFIRMED_MESSAGE)
            else:
                messages.success(request, COMMENTED_MESSAGE)
            return redirect("placements:evaluation", pk=record.pk)
        messages.error(request, ANSWER_NOT_SAVED_MESSAGE)
        status = HTTPStatus.BAD_REQUEST
    return render(
        request,
        "placements/evaluation.html",
        {
            "placement": placement,
            "evaluation": record,
            "progress_rows": list(record.progress.all()),
            "is_trainee": is_trainee,
            "can_answer": can_answer,
            "form": form,
        },
        status=status,
    )


urlpatterns = [
    path("<id:pk>/evalueringer/ny/", evaluation_add, name="evaluation_add"),
    path("evalueringer/<id:pk>/", evaluation, name="evaluation"),
]
