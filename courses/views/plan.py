"""The firm's inclusion plan: view, edit, submit (firm contact) and review (leader)."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rules.contrib.views import permission_required

from ..forms.plan import (
    ADD_ROW_FIELD,
    MAX_COMMITMENTS,
    PlanReviewForm,
    PlanVersionForm,
    area_guidance,
    commitment_formset,
    commitment_formset_with_new_row,
)
from ..models import InclusionPlan, PlanStatus
from ..selectors import plans as selectors
from ..services import plans as services


def _enrolment_or_404(enrolment_pk):
    enrolment = selectors.accepted_enrolment(pk=enrolment_pk)
    if enrolment is None:
        raise Http404
    return enrolment


def _request_plan(request, enrolment_pk, *, fresh=False):
    """The enrolment and its plan (None if not started) with everything the
    pages show, loaded once per request: the permission check and the view
    share it."""
    loaded = getattr(request, "_inclusion_plan", None)
    if fresh or loaded is None or loaded[0].pk != enrolment_pk:
        enrolment = _enrolment_or_404(enrolment_pk)
        loaded = (enrolment, selectors.plan_for_enrolment(enrolment=enrolment))
        request._inclusion_plan = loaded
    return loaded


def plan_from_url(request, enrolment_pk):
    """The plan to check permissions on; unsaved if the firm has not started one."""
    enrolment, plan = _request_plan(request, enrolment_pk)
    return plan if plan is not None else InclusionPlan(enrolment=enrolment)


def _plan_url(enrolment_pk, name="courses:plan_detail"):
    return reverse(name, kwargs={"enrolment_pk": enrolment_pk})


def _loaded_plan(request, enrolment_pk, *, create=False, fresh=False):
    """The enrolment and its plan with everything the pages show; `create`
    starts the plan if there is none, `fresh` reads it again."""
    enrolment, plan = _request_plan(request, enrolment_pk, fresh=fresh)
    if create and plan is None:
        services.plan_get_or_create(enrolment=enrolment)
        enrolment, plan = _request_plan(request, enrolment_pk, fresh=True)
    return enrolment, plan


def _plan_context(request, enrolment, plan):
    editable = plan is not None and services.plan_read_only_message(plan) is None
    can_edit = request.user.has_perm("courses.edit_plan", plan)
    return {
        "enrolment": enrolment,
        "plan": plan,
        "areas": selectors.plan_commitments_by_area(plan=plan),
        "latest_review": selectors.plan_latest_review(plan=plan) if plan else None,
        "can_edit": can_edit and editable,
        "can_review": request.user.has_perm("courses.review_plan", plan),
    }


@login_required
@permission_required("courses.view_plan", fn=plan_from_url, raise_exception=True)
def plan_detail(request, enrolment_pk):
    enrolment, plan = _loaded_plan(request, enrolment_pk)
    # The contact's first visit starts the plan; others see that it is not started.
    if plan is None and request.user.has_perm(
        "courses.edit_plan", InclusionPlan(enrolment=enrolment)
    ):
        enrolment, plan = _loaded_plan(request, enrolment_pk, create=True)
    return render(
        request, "courses/plan/detail.html", _plan_context(request, enrolment, plan)
    )


def _edit_page(request, enrolment, plan, formset, version_form, status):
    return render(
        request,
        "courses/plan/edit.html",
        {
            "enrolment": enrolment,
            "plan": plan,
            "formset": formset,
            "version_form": version_form,
            "areas": selectors.plan_commitments_by_area(plan=plan),
            "area_guidance": area_guidance(),
            "max_commitments": MAX_COMMITMENTS,
            "show_saved_plan": status == HTTPStatus.CONFLICT,
        },
        status=status,
    )


@login_required
@permission_required("courses.edit_plan", fn=plan_from_url, raise_exception=True)
def plan_edit(request, enrolment_pk):
    enrolment, plan = _loaded_plan(request, enrolment_pk, create=True)
    read_only = services.plan_read_only_message(plan)
    if request.method != "POST":
        if read_only is not None:
            messages.info(request, read_only)
            return redirect(_plan_url(enrolment.pk))
        return _edit_page(
            request,
            enrolment,
            plan,
            commitment_formset(plan=plan),
            PlanVersionForm(initial={"version": plan.version}),
            HTTPStatus.OK,
        )

    if ADD_ROW_FIELD in request.POST:
        # "Add a commitment" without JavaScript: show what was typed again with
        # one more row, and save nothing yet.
        version_form = PlanVersionForm(request.POST)
        if not version_form.is_valid():
            version_form = PlanVersionForm(initial={"version": plan.version})
        return _edit_page(
            request,
            enrolment,
            plan,
            commitment_formset_with_new_row(data=request.POST),
            version_form,
            HTTPStatus.OK,
        )
    formset = commitment_formset(plan=plan, data=request.POST)
    version_form = PlanVersionForm(request.POST)
    if not (formset.is_valid() and version_form.is_valid()):
        return _edit_page(
            request, enrolment, plan, formset, version_form, HTTPStatus.OK
        )
    try:
        services.plan_save(
            plan=plan,
            commitments=formset.commitments(),
            by=request.user,
            expected_version=version_form.cleaned_data["version"],
        )
    except ValidationError as error:
        formset.non_form_errors().extend(error.messages)
        if getattr(error, "code", None) not in ("conflict", "read_only"):
            return _edit_page(
                request, enrolment, plan, formset, version_form, HTTPStatus.OK
            )
        # Keep what the person typed, show the plan as it is saved now, and base
        # the next save on that version.
        enrolment, plan = _loaded_plan(request, enrolment_pk, fresh=True)
        return _edit_page(
            request,
            enrolment,
            plan,
            formset,
            PlanVersionForm(initial={"version": plan.version}),
            HTTPStatus.CONFLICT,
        )
    messages.success(request, _("The plan has been saved."))
    return redirect(_plan_url(enrolment.pk))


@require_POST
@login_required
@permission_required("courses.edit_plan", fn=plan_from_url, raise_exception=True)
def plan_submit(request, enrolment_pk):
    enrolment, plan = _loaded_plan(request, enrolment_pk, create=True)
    try:
        services.plan_submit(plan=plan, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The plan has been sent to the course leader for review."),
        )
    return redirect(_plan_url(enrolment.pk))


_REVIEW_DECISIONS = {
    PlanReviewForm.APPROVE: (
        services.plan_approve,
        gettext_lazy("The plan has been approved."),
    ),
    PlanReviewForm.REQUEST_CHANGES: (
        services.plan_request_changes,
        gettext_lazy("The plan has been sent back to the firm for changes."),
    ),
}


@login_required
@permission_required("courses.review_plan", fn=plan_from_url, raise_exception=True)
def plan_review(request, enrolment_pk):
    enrolment, plan = _loaded_plan(request, enrolment_pk)
    if plan is None:
        raise Http404
    form = PlanReviewForm(request.POST or None)
    status = HTTPStatus.OK
    if request.method == "POST" and form.is_valid():
        decide, done = _REVIEW_DECISIONS[form.cleaned_data["decision"]]
        try:
            decide(plan=plan, by=request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
            if getattr(error, "code", None) == "transition_not_allowed":
                status = HTTPStatus.CONFLICT
        else:
            messages.success(request, done)
            return redirect(_plan_url(enrolment.pk, "courses:plan_review"))
    context = _plan_context(request, enrolment, plan)
    context["form"] = form
    context["waiting_for_review"] = plan.status == PlanStatus.SUBMITTED
    return render(request, "courses/plan/review.html", context, status=status)


urlpatterns = [
    path("plan/<id:enrolment_pk>/", plan_detail, name="plan_detail"),
    path("plan/<id:enrolment_pk>/edit/", plan_edit, name="plan_edit"),
    path("plan/<id:enrolment_pk>/submit/", plan_submit, name="plan_submit"),
    path("plan/<id:enrolment_pk>/review/", plan_review, name="plan_review"),
]
