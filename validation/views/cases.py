"""The candidate's pages and the case page every role shares.

A case someone may not see answers 404, so no case's existence leaks; a visible
case with a step the person may not take answers 403. Every write goes through
`validation.services.cases`; every read through `validation.selectors`.
"""

from dataclasses import dataclass
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from lms import converters  # noqa: F401  (registers <id:…>)
from lms.file_responses import private_file_response

from .. import selectors
from ..forms import CaseTransitionForm, EvidenceForm, EvidenceMapForm
from ..models import Case, CaseEventKind, CaseStatus, Evidence, EvidenceKind
from ..services import cases as services
from ..services import portfolio as portfolio_services

EVIDENCE_ADDED_MESSAGE = _("The evidence has been added.")
EVIDENCE_MAPPED_MESSAGE = _("The criteria this evidence shows have been saved.")
EVIDENCE_REMOVED_MESSAGE = _("The evidence has been removed.")
STEP_DONE_MESSAGE = _("Done: %(step)s.")
FORM_INCOMPLETE_MESSAGE = _(
    "The form was incomplete, so nothing was changed. Reload the page and try again."
)

SEND_BACK_EVENTS = (
    CaseEventKind.NOT_YET,
    CaseEventKind.VERIFIER_SENT_BACK,
    CaseEventKind.MODERATOR_SENT_BACK,
)


def _visible_case(request, pk) -> Case:
    """The case, if this person may see it; 404 otherwise (also when it does
    not exist, so the two cannot be told apart)."""
    try:
        case = selectors.case_get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("validation.view_case", case):
        raise Http404
    return case


def _visible_evidence(request, pk) -> Evidence:
    try:
        evidence = Evidence.objects.select_related(
            *(f"case__{name}" for name in selectors.CASE_RELATED)
        ).get(pk=pk)
    except Evidence.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("validation.view_case", evidence.case):
        raise Http404
    return evidence


@dataclass
class EvidenceItem:
    evidence: Evidence
    criteria: list  # the criteria it shows, with their outcome loaded
    can_change: bool
    # EvidenceKind's label: get_kind_display() hashes every lazy choice per call.
    kind_label: str = ""


@dataclass
class ActionItem:
    name: str
    label: str
    reason_required: bool
    form: CaseTransitionForm
    error: list[str] | None = None


# My cases ---------------------------------------------------------------------


@login_required
def my_cases(request):
    cases = list(selectors.cases_of_candidate(user=request.user))
    progress = selectors.case_progress(cases=cases)
    rows = [(case, progress[case.pk]) for case in cases]
    credits = sum(
        case.unit.credits for case in cases if case.status == CaseStatus.CERTIFIED
    )
    return render(
        request,
        "validation/my_cases.html",
        {"rows": rows, "credits_achieved": credits},
    )


# The case page ----------------------------------------------------------------


def _case_page(
    request,
    case,
    *,
    failed_action=None,
    errors=None,
    reason="",
    status=HTTPStatus.OK,
):
    user = request.user
    portfolio = selectors.case_portfolio(case=case)
    kind_labels = {kind: str(label) for kind, label in EvidenceKind.choices}
    evidence = [
        EvidenceItem(
            evidence=piece,
            criteria=portfolio.criteria_of.get(piece.pk, []),
            kind_label=kind_labels[piece.kind],
            can_change=portfolio_services.evidence_changeable_by(
                evidence=piece, case=case, user=user
            ),
        )
        for piece in portfolio.evidence
    ]
    actions = []
    for name in services.case_actions_for(case=case, user=user):
        transition = services.CASE_TRANSITIONS[name]
        failed = name == failed_action
        form = CaseTransitionForm(
            auto_id=f"{name}-%s",
            initial={
                "action": name,
                "version": case.version,
                "reason": reason if failed else "",
            },
        )
        described_by = [f"{name}-reason-help"]
        if failed:
            described_by.insert(0, f"{name}-error")
            form.fields["reason"].widget.attrs["aria-invalid"] = "true"
        form.fields["reason"].widget.attrs["aria-describedby"] = " ".join(described_by)
        actions.append(
            ActionItem(
                name=name,
                label=transition.label,
                reason_required=transition.reason_required,
                form=form,
                error=errors if failed else None,
            )
        )
    placed = any(action.error for action in actions)
    sent_back_event = None
    if case.sent_back:
        sent_back_event = next(
            (e for e in reversed(portfolio.events) if e.kind in SEND_BACK_EVENTS),
            None,
        )
    certificate = getattr(case, "certificate", None)
    return render(
        request,
        "validation/case_detail.html",
        {
            "case": case,
            "portfolio": portfolio,
            "evidence_items": evidence,
            "actions": actions,
            # A step no longer offered (the case moved on): its error on top.
            "unplaced_errors": None if placed else errors,
            "sent_back_event": sent_back_event,
            "certificate": certificate,
            "can_add_evidence": bool(
                portfolio_services.evidence_kinds_for(case=case, user=user)
            ),
            "is_candidate": case.candidate_id == user.pk,
            "show_assess_link": case.assessor_id == user.pk
            and case.status == CaseStatus.SUBMITTED,
        },
        status=status,
    )


@login_required
def case_detail(request, pk):
    return _case_page(request, _visible_case(request, pk))


@login_required
@require_POST
def case_transition(request, pk):
    case = _visible_case(request, pk)
    form = CaseTransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, FORM_INCOMPLETE_MESSAGE)
        return redirect(case)
    action = form.cleaned_data["action"]
    reason = form.cleaned_data["reason"]
    try:
        services.case_transition(
            case=case,
            action=action,
            by=request.user,
            expected_version=form.cleaned_data["version"],
            reason=reason,
        )
    except ValidationError as error:
        # Nothing changed: the page as it is now, the reason kept in its box.
        case = _visible_case(request, pk)
        return _case_page(
            request,
            case,
            failed_action=action,
            errors=error.messages,
            reason=reason,
            status=HTTPStatus.CONFLICT
            if error.code == "changed"
            else HTTPStatus.BAD_REQUEST,
        )
    messages.success(
        request, STEP_DONE_MESSAGE % {"step": services.CASE_TRANSITIONS[action].label}
    )
    return redirect(case)


# Evidence ---------------------------------------------------------------------


def _service_errors(form, error: ValidationError) -> None:
    field_of = {
        "file_required": "file",
        "text_required": "text",
        "criterion_unit": "criteria",
    }
    form.add_error(field_of.get(getattr(error, "code", None)), error)


@login_required
def evidence_add(request, pk):
    case = _visible_case(request, pk)
    kinds = portfolio_services.evidence_kinds_for(case=case, user=request.user)
    if not kinds:
        raise PermissionDenied(portfolio_services.EVIDENCE_NOT_ALLOWED_MESSAGE)
    form = EvidenceForm(
        request.POST or None, request.FILES or None, case=case, kinds=kinds
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = data["kind"]
        try:
            evidence = portfolio_services.evidence_add(
                case=case,
                by=request.user,
                kind=kind,
                title=data["title"],
                text=data["text"],
                checked_file=data["file"] if kind == "file" else None,
                witness_name=data["witness_name"] if kind == "witness" else "",
                witness_role=data["witness_role"] if kind == "witness" else "",
                criteria=data["criteria"],
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            messages.success(request, EVIDENCE_ADDED_MESSAGE)
            return redirect(f"{case.get_absolute_url()}#evidence-{evidence.pk}")
    return render(
        request,
        "validation/evidence_form.html",
        {"case": case, "form": form},
        status=HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK,
    )


def _evidence_to_change(request, pk):
    """The evidence and None when this person may change it now; the evidence
    and a redirect (with the reason) when it is theirs but locked; 403 when it
    is someone else's."""
    evidence = _visible_evidence(request, pk)
    case = evidence.case
    if portfolio_services.evidence_changeable_by(
        evidence=evidence, case=case, user=request.user
    ):
        return evidence, None
    if evidence.added_by_id == request.user.pk:
        messages.error(request, portfolio_services.EVIDENCE_LOCKED_MESSAGE)
        return evidence, redirect(case)
    raise PermissionDenied(portfolio_services.EVIDENCE_NOT_ALLOWED_MESSAGE)


@login_required
def evidence_edit(request, pk):
    evidence, refused = _evidence_to_change(request, pk)
    if refused:
        return refused
    case = evidence.case
    form = EvidenceMapForm(
        request.POST or None,
        case=case,
        initial={"criteria": list(evidence.criteria.values_list("pk", flat=True))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            portfolio_services.evidence_map(
                evidence=evidence,
                criteria=form.cleaned_data["criteria"],
                by=request.user,
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            messages.success(request, EVIDENCE_MAPPED_MESSAGE)
            return redirect(f"{case.get_absolute_url()}#evidence-{evidence.pk}")
    return render(
        request,
        "validation/evidence_edit.html",
        {"case": case, "evidence": evidence, "form": form},
        status=HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK,
    )


@login_required
def evidence_remove(request, pk):
    evidence, refused = _evidence_to_change(request, pk)
    if refused:
        return refused
    case = evidence.case
    if request.method == "POST":
        try:
            portfolio_services.evidence_remove(evidence=evidence, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, EVIDENCE_REMOVED_MESSAGE)
        return redirect(case)
    return render(
        request,
        "validation/evidence_remove.html",
        {"case": case, "evidence": evidence},
    )


@login_required
def evidence_file(request, pk):
    """The file, only to people who may see the case, as a download the browser
    never renders (nosniff, a sandboxing CSP, no caching): streamed, or from
    object storage a redirect to a link signed for this request."""
    evidence = _visible_evidence(request, pk)
    if not evidence.file:
        raise Http404
    return private_file_response(
        evidence.file,
        filename=evidence.original_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=evidence.content_type or "application/octet-stream",
    )


urlpatterns = [
    path("mine/", my_cases, name="my_cases"),
    path("saker/<id:pk>/", case_detail, name="case"),
    path("saker/<id:pk>/steg/", case_transition, name="case_transition"),
    path("saker/<id:pk>/bevis/ny/", evidence_add, name="evidence_add"),
    path("bevis/<id:pk>/", evidence_edit, name="evidence_edit"),
    path("bevis/<id:pk>/fjern/", evidence_remove, name="evidence_remove"),
    path("bevis/<id:pk>/fil/", evidence_file, name="evidence_file"),
]
