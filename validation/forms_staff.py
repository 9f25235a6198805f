"""Forms of the staff pages: planning a case, the assessor's decisions on the
criteria and the assessment steps, the moderator's report.

The forms parse the request; the services in `validation.services.cases` decide.
A service's refusal is put back on the field it is about, so the page shows it
where the person has to act.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.roles import Role
from lms.accounts.rules import is_assessor

from .models import Case, CriterionOutcome, Unit, UnitStatus
from .selectors import CriterionRow, Portfolio
from .services import cases as case_services
from .services import portfolio

UNKNOWN_CANDIDATE_MESSAGE = _(
    "Nobody has an account with this e-mail address. Check the address, or ask "
    "the candidate to get an account first."
)
OUTCOME_REQUIRED_MESSAGE = _("Choose “Met” or “Not yet met” for this criterion.")

# Which field of the plan form each refusal of `case_create` is about.
_PLAN_ERROR_FIELDS = {
    "unit_not_approved": "unit",
    "assessor_candidate": "assessor",
    "not_assessor": "assessor",
    "exists": "candidate_email",
}
# Which field of a criterion's form each refusal of `criterion_decide` is about.
_DECISION_ERROR_FIELDS = {
    "reason_required": "reason",
    "evidence_required": "evidence",
    "evidence_case": "evidence",
}


def _error_code(error: ValidationError) -> str | None:
    return getattr(error, "code", None) or next(
        (e.code for e in error.error_list if getattr(e, "code", None)), None
    )


class AssessorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class CasePlanForm(forms.Form):
    """A new case: who, which approved unit version, and who assesses it."""

    candidate_email = forms.EmailField(
        label=_("Candidate's e-mail address"),
        help_text=_("The candidate must already have an account."),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose a unit"),
    )
    assessor = AssessorChoiceField(label=_("Assessor"), queryset=User.objects.none())

    def __init__(self, *args, user, may_choose_assessor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Only approved versions: a case keeps the version it started on.
        self.fields["unit"].queryset = Unit.objects.filter(
            status=UnitStatus.APPROVED
        ).order_by("code", "version")
        assessors = User.objects.filter(
            is_active=True, groups__name=Role.ASSESSOR.value
        ).order_by("first_name", "last_name", "email")
        if not may_choose_assessor:
            # An assessor plans their own cases; administrators share them out.
            assessors = assessors.filter(pk=user.pk)
        self.fields["assessor"].queryset = assessors
        self.fields["assessor"].empty_label = (
            None if not may_choose_assessor else _("Choose an assessor")
        )
        if is_assessor(user):
            self.fields["assessor"].initial = user.pk

    def clean_candidate_email(self):
        email = self.cleaned_data["candidate_email"]
        candidate = User.objects.filter(email__iexact=email, is_active=True).first()
        if candidate is None:
            raise ValidationError(UNKNOWN_CANDIDATE_MESSAGE, code="unknown")
        self.candidate = candidate
        return email

    def save(self) -> Case | None:
        """Plan the case; on a refusal put the message on its field and return
        None (nothing is saved then)."""
        try:
            return case_services.case_create(
                candidate=self.candidate,
                unit=self.cleaned_data["unit"],
                assessor=self.cleaned_data["assessor"],
                by=self.user,
            )
        except ValidationError as error:
            self.add_error(_PLAN_ERROR_FIELDS.get(_error_code(error)), error)
            return None


class CriterionDecisionForm(forms.Form):
    """The assessor's answer on one criterion: met or not yet, why, on what."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=CriterionOutcome.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        required=False,
    )
    evidence = forms.MultipleChoiceField(
        label=_("Evidence cited"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        required=False,
    )

    def __init__(
        self,
        *args,
        row: CriterionRow,
        portfolio: Portfolio,
        labels: dict[int, str],
        **kwargs,
    ):
        self.row = row
        decision = row.decision
        if decision is not None:
            kwargs.setdefault(
                "initial",
                {
                    "outcome": decision.outcome,
                    "reason": decision.reason,
                    "evidence": [str(piece.pk) for piece in decision.evidence.all()],
                },
            )
        super().__init__(*args, prefix=f"criterion-{row.criterion.pk}", **kwargs)
        self.evidence_by_pk = {str(piece.pk): piece for piece in portfolio.evidence}
        mapped = {piece.pk for piece in row.evidence}
        others = [piece for piece in portfolio.evidence if piece.pk not in mapped]
        choices = []
        # The evidence mapped to this criterion first: that is where to look.
        if row.evidence:
            choices.append(
                (
                    _("Mapped to this criterion"),
                    [(str(p.pk), labels[p.pk]) for p in row.evidence],
                )
            )
        if others:
            choices.append(
                (
                    _("Other evidence in the case"),
                    [(str(p.pk), labels[p.pk]) for p in others],
                )
            )
        self.fields["evidence"].choices = choices
        label = row.criterion.label
        self.fields["outcome"].label = _("Decision on %(label)s") % {"label": label}
        self.fields["reason"].label = _("Reason for %(label)s") % {"label": label}
        self.fields["evidence"].label = _("Evidence cited for %(label)s") % {
            "label": label
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("outcome") and (
            (cleaned.get("reason") or "").strip() or cleaned.get("evidence")
        ):
            self.add_error("outcome", ValidationError(OUTCOME_REQUIRED_MESSAGE))
        return cleaned

    @property
    def answer(self) -> tuple[str, str, frozenset[str]]:
        data = self.cleaned_data
        return (
            data.get("outcome") or "",
            (data.get("reason") or "").strip(),
            frozenset(data.get("evidence") or ()),
        )

    @property
    def changed(self) -> bool:
        """Answered, and not what the latest decision already says."""
        outcome, reason, evidence = self.answer
        if not outcome:
            return False
        decision = self.row.decision
        if decision is None:
            return True
        before = (
            decision.outcome,
            decision.reason.strip(),
            frozenset(str(piece.pk) for piece in decision.evidence.all()),
        )
        return (outcome, reason, evidence) != before

    def decide(self, *, case: Case, by: User) -> None:
        outcome, reason, evidence = self.answer
        portfolio.criterion_decide(
            case=case,
            criterion=self.row.criterion,
            outcome=outcome,
            reason=reason,
            evidence=[self.evidence_by_pk[pk] for pk in sorted(evidence)],
            by=by,
        )


class CriteriaDecisionForms:
    """One `CriterionDecisionForm` per criterion of the case's unit, saved
    together: every changed answer is recorded, or none is."""

    def __init__(self, data=None, *, portfolio: Portfolio):
        self.portfolio = portfolio
        # Each piece's label once, not once per criterion.
        labels = {
            piece.pk: f"{piece.title} ({piece.get_kind_display()})"
            for piece in portfolio.evidence
        }
        self.forms = [
            CriterionDecisionForm(data, row=row, portfolio=portfolio, labels=labels)
            for row in portfolio.rows
        ]

    def __iter__(self):
        return iter(self.forms)

    def for_outcomes(self):
        """The forms grouped like the portfolio: (outcome, [(row, form), …])."""
        forms_by_criterion = {form.row.criterion.pk: form for form in self.forms}
        return [
            (
                group.outcome,
                [(row, forms_by_criterion[row.criterion.pk]) for row in group.rows],
            )
            for group in self.portfolio.outcomes
        ]

    @property
    def errors(self) -> list[CriterionDecisionForm]:
        return [form for form in self.forms if form.errors]

    def save(self, *, by: User) -> int | None:
        """Record a decision for each changed answer. Returns how many were
        recorded, or None when any was refused (then none is kept and each
        refusal is on its criterion's form)."""
        # Every form is validated, so that every error shows at once.
        valid = [form.is_valid() for form in self.forms]
        if not all(valid):
            return None
        changed = [form for form in self.forms if form.changed]
        refused = False
        with transaction.atomic():
            for form in changed:
                try:
                    form.decide(case=self.portfolio.case, by=by)
                except ValidationError as error:
                    form.add_error(
                        _DECISION_ERROR_FIELDS.get(_error_code(error)), error
                    )
                    refused = True
            if refused:
                transaction.set_rollback(True)
                return None
        return len(changed)


class AssessmentStepForm(forms.Form):
    """One of the assessor's two steps at the end: confirm, or send back."""

    action = forms.ChoiceField(
        choices=[
            (case_services.CaseAction.ASSESS, case_services.CaseAction.ASSESS),
            (case_services.CaseAction.NOT_YET, case_services.CaseAction.NOT_YET),
        ],
        widget=forms.HiddenInput,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Feedback to the candidate"),
        help_text=_(
            "Say which criteria are not met yet and what evidence would show them."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class SampleReportForm(forms.Form):
    report = forms.CharField(
        label=_("Report on the sample"),
        help_text=_(
            "What you found across the sampled cases: the quality of the "
            "assessments and the verification, and what should change."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
