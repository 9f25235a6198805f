"""Placement views: the work plan (read, edit by the firm, agree by the trainee)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

import lms.converters  # noqa: F401  (registers <id:…>)

from ..forms.work_plan import MAX_GOALS, MAX_TASKS, work_plan_forms
from ..selectors.plan import work_plan_detail
from ..services.work_plan import work_plan_agree, work_plan_update
from .common import placement_for

SAVED_AGREE_AGAIN_MESSAGE = _(
    "The plan has been saved. The trainee must read it and agree to it again."
)
SAVED_MESSAGE = _(
    "The plan has been saved. Ask the trainee to read it and agree to it."
)
NOT_CHANGED_MESSAGE = _("Nothing was changed in the plan.")
NOT_SAVED_MESSAGE = _(
    "The plan was not saved. Correct what is marked below and save again."
)
AGREED_MESSAGE = _("Thank you. You have agreed to the plan.")
SAVE_AND_MORE_FIELD = "save_and_more"


@login_required
def work_plan(request, pk):
    """The plan: goals with their criteria, tasks per week, the support and
    whether the trainee agreed; prints on one page."""
    placement = placement_for(request, pk)
    user = request.user
    context = {
        "placement": placement,
        **work_plan_detail(placement=placement),
        "is_trainee": placement.trainee_id == user.pk,
        "can_change": user.has_perm("placements.change_placement", placement),
        "can_agree": user.has_perm("placements.respond_placement", placement),
    }
    return render(request, "placements/work_plan.html", context)


def _edit_page(request, placement, forms, *, status=HTTPStatus.OK):
    return render(
        request,
        "placements/work_plan_edit.html",
        {
            "placement": placement,
            "goal_formset": forms["goals"],
            "task_formset": forms["tasks"],
            "support_form": forms["support"],
            "max_goals": MAX_GOALS,
            "max_tasks": MAX_TASKS,
        },
        status=status,
    )


@login_required
def work_plan_edit(request, pk):
    """The firm's side writes the plan; all of it is saved, or nothing."""
    placement = placement_for(request, pk, "placements.change_placement")
    if request.method != "POST":
        return _edit_page(request, placement, work_plan_forms(placement=placement))

    forms = work_plan_forms(placement=placement, data=request.POST)
    goals, tasks, support = forms["goals"], forms["tasks"], forms["support"]
    if goals.is_valid() and tasks.is_valid() and support.is_valid():
        was_agreed = placement.plan_agreed_at is not None
        try:
            changed = work_plan_update(
                placement=placement,
                goals=goals.goals(),
                tasks=tasks.tasks(),
                support_agreed=support.cleaned_data["support_agreed"],
                by=request.user,
            )
        except ValidationError as error:
            goals.non_form_errors().extend(error.messages)
        else:
            if not changed:
                messages.info(request, NOT_CHANGED_MESSAGE)
            elif was_agreed:
                messages.success(request, SAVED_AGREE_AGAIN_MESSAGE)
            else:
                messages.success(request, SAVED_MESSAGE)
            if SAVE_AND_MORE_FIELD in request.POST:
                return redirect("placements:work_plan_edit", pk=placement.pk)
            return redirect("placements:work_plan", pk=placement.pk)
    messages.error(request, NOT_SAVED_MESSAGE)
    return _edit_page(request, placement, forms, status=HTTPStatus.BAD_REQUEST)


@require_POST
@login_required
def work_plan_agree_view(request, pk):
    """The trainee agrees to the plan as it stands."""
    placement = placement_for(request, pk, "placements.respond_placement")
    try:
        work_plan_agree(placement=placement, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, AGREED_MESSAGE)
    return redirect("placements:work_plan", pk=placement.pk)


urlpatterns = [
    path("<id:pk>/arbeidsplan/", work_plan, name="work_plan"),
    path("<id:pk>/arbeidsplan/endre/", work_plan_edit, name="work_plan_edit"),
    path("<id:pk>/arbeidsplan/godta/", work_plan_agree_view, name="work_plan_agree"),
]
