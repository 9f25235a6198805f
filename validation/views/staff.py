"""The staff pages: the assessor's queue, planning a case, assessing it, the
internal verifier's samples and the external moderator's samples.

Thin views: a form parses the request, a service or selector does the work. A
case the person may not see answers 404 (its existence does not leak); a step
they may not take on a case they see answers 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from lms import converters  # noqa: F401  (registers <id:…>)
from lms.accounts.models import User

from .. import selectors
from ..forms_staff import (
    AssessmentStepForm,
    CasePlanForm,
    CriteriaDecisionForms,
    SampleReportForm,
)
from ..models import Case, CaseStatus, ModerationSample
from ..rules import is_administrator
from ..services import cases as case_services
from ..services import sampling
from ..services.cases import CaseAction
from ..services.sampling import SamplingReason

# The queue's groups, in the order the assessor works through them.
QUEUE_GROUPS = (
    ("submitted", (CaseStatus.SUBMITTED,)),
    ("collecting", (CaseStatus.COLLECTING,)),
    ("planned", (CaseStatus.PLANNED,)),
    ("others", (CaseStatus.ASSESSED, CaseStatus.VERIFIED, CaseStatus.MODERATED)),
)


def _visible_case(request, pk) -> Case:
    """The case in the URL, if the person may see it; 404 otherwise."""
    try:
        case = selectors.case_get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("validation.view_case", case):
        raise Http404
    return case


@login_required
def queue(request):
    if not request.user.has_perm("validation.view_assessor_queue"):
        raise PermissionDenied
    groups = {name: [] for name, _statuses in QUEUE_GROUPS}
    group_of = {status: name for name, statuses in QUEUE_GROUPS for status in statuses}
    for case in selectors.assessor_queue(user=request.user):
        groups[group_of[case.status]].append(case)
    return render(
        request,
        "validation/staff/queue.html",
        {
            "groups": groups,
            "total": sum(len(cases) for cases in groups.values()),
            "may_plan": request.user.has_perm("validation.plan_case"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_plan(request):
    if not request.user.has_perm("validation.plan_case"):
        raise PermissionDenied
    form = CasePlanForm(
        request.POST or None,
        user=request.user,
        may_choose_assessor=is_administrator(request.user),
    )
    if request.method == "POST" and form.is_valid():
        case = form.save()
        if case is not None:
            messages.success(
                request,
                _("The case is planned. %(name)s can now add evidence.")
                % {"name": case.candidate.get_full_name() or case.candidate.email},
            )
            return redirect("validation:case", pk=case.pk)
    return render(request, "validation/staff/case_plan.html", {"form": form})


def _assess_page(request, case, portfolio, decisions, confirm_form, send_back_form):
    return render(
        request,
        "validation/staff/assess.html",
        {
            "case": case,
            "portfolio": portfolio,
            "decisions": decisions,
            "confirm_form": confirm_form,
            "send_back_form": send_back_form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assess(request, pk):
    case = _visible_case(request, pk)
    if (
        not request.user.has_perm("validation.assess_case", case)
        or case.status != CaseStatus.SUBMITTED
    ):
        raise PermissionDenied
    portfolio = selectors.case_portfolio(case=case)
    initial = {"version": case.version}
    # Two forms on one page: their own ids, the same field names.
    confirm_form = AssessmentStepForm(
        initial={**initial, "action": CaseAction.ASSESS}, auto_id="confirm_%s"
    )
    send_back_form = AssessmentStepForm(
        initial={**initial, "action": CaseAction.NOT_YET}, auto_id="send_back_%s"
    )
    if request.method == "POST" and "action" in request.POST:
        if request.POST["action"] == CaseAction.NOT_YET:
            step = send_back_form = AssessmentStepForm(
                request.POST, auto_id="send_back_%s"
            )
        else:
            step = confirm_form = AssessmentStepForm(request.POST, auto_id="confirm_%s")
        if step.is_valid():
            action = step.cleaned_data["action"]
            try:
                case_services.case_transition(
                    case=case,
                    action=action,
                    by=request.user,
                    expected_version=step.cleaned_data["version"],
                    reason=step.cleaned_data["reason"],
                )
            except ValidationError as error:
                field = "reason" if error.code == "reason_required" else None
                step.add_error(field, error)
            else:
                if action == CaseAction.ASSESS:
                    messages.success(
                        request, _("The assessment is confirmed: all criteria met.")
                    )
                else:
                    messages.success(
                        request, _("The case was sent back to the candidate.")
                    )
                return redirect("validation:case", pk=case.pk)
        decisions = CriteriaDecisionForms(portfolio=portfolio)
        return _assess_page(
            request, case, portfolio, decisions, confirm_form, send_back_form
        )
    decisions = CriteriaDecisionForms(request.POST or None, portfolio=portfolio)
    if request.method == "POST":
        recorded = decisions.save(by=request.user)
        if recorded is not None:
            if recorded:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s decision recorded.",
                        "%(count)s decisions recorded.",
                        recorded,
                    )
                    % {"count": recorded},
                )
            else:
                messages.info(request, _("Nothing had changed: no decision recorded."))
            return redirect("validation:assess", pk=case.pk)
    return _assess_page(
        request, case, portfolio, decisions, confirm_form, send_back_form
    )


@login_required
def verification(request):
    if not request.user.has_perm("validation.view_verification_queue"):
        raise PermissionDenied
    return render(
        request,
        "validation/staff/verification.html",
        {
            "samples": list(selectors.verifier_samples(user=request.user)),
            "ready": list(selectors.ready_to_certify(user=request.user)),
            "new_assessor_cases": settings.VALIDATION_IV_NEW_ASSESSOR_CASES,
            "share_percent": round(settings.VALIDATION_IV_SHARE * 100),
            "reasons": SamplingReason,
            "may_plan": request.user.has_perm("validation.plan_case"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def moderation(request):
    if not request.user.has_perm("validation.draw_moderation_sample"):
        raise PermissionDenied
    if request.method == "POST":
        try:
            sample = sampling.moderation_sample_draw(moderator=request.user)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
            return redirect("validation:moderation")
        count = sample.cases.count()
        messages.success(
            request,
            ngettext(
                "A new sample of %(count)s case was drawn.",
                "A new sample of %(count)s cases was drawn.",
                count,
            )
            % {"count": count},
        )
        return redirect("validation:moderation_sample", pk=sample.pk)
    return render(
        request,
        "validation/staff/moderation.html",
        {
            "samples": list(selectors.moderation_samples_of(user=request.user)),
            "share_percent": round(settings.VALIDATION_MODERATION_SHARE * 100),
        },
    )


def _plan_rows(sample: ModerationSample) -> list[dict]:
    """The recorded plan per verifier: their name, the pool, how many drawn."""
    pool = sample.plan.get("pool", {})
    chosen = set(sample.plan.get("chosen", []))
    ids = [int(key) for key in pool if key not in ("None", "null")]
    names = {
        user.pk: user.get_full_name() or user.email
        for user in User.objects.filter(pk__in=ids)
    }
    return [
        {
            "verifier": names.get(int(key)) if key.isdigit() else None,
            "pool": len(case_ids),
            "chosen": len(chosen.intersection(case_ids)),
        }
        for key, case_ids in pool.items()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def moderation_sample(request, pk):
    sample = ModerationSample.objects.filter(pk=pk).first()
    if sample is None or not request.user.has_perm(
        "validation.view_moderation_sample", sample
    ):
        raise Http404
    form = SampleReportForm(request.POST or None) if not sample.reported_at else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            sampling.moderation_sample_report(
                sample=sample, report=form.cleaned_data["report"], by=request.user
            )
        except ValidationError as error:
            form.add_error("report", error)
        else:
            messages.success(request, _("The report on the sample is saved."))
            return redirect("validation:moderation_sample", pk=sample.pk)
    cases = list(
        selectors.moderation_cases(user=request.user).filter(moderation_sample=sample)
    )
    return render(
        request,
        "validation/staff/moderation_sample.html",
        {
            "sample": sample,
            "cases": cases,
            "plan_rows": _plan_rows(sample),
            "share_percent": round(sample.plan.get("share", 0) * 100),
            "form": form,
        },
    )


urlpatterns = [
    path("vurdering/", queue, name="queue"),
    path("vurdering/ny/", case_plan, name="case_plan"),
    path("saker/<id:pk>/vurder/", assess, name="assess"),
    path("kvalitetssikring/", verification, name="verification"),
    path("moderering/", moderation, name="moderation"),
    path("moderering/<id:pk>/", moderation_sample, name="moderation_sample"),
]
