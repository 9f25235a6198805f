"""Forms of the validation side."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from lms.form_fields import ModelMultipleChoiceField

from .files import EvidenceFileField
from .models import AssessmentCriterion, EvidenceKind, UnitStatus
from .services.portfolio import (
    CRITERION_NOT_IN_UNIT_MESSAGE,
    EVIDENCE_FILE_REQUIRED_MESSAGE,
    EVIDENCE_TEXT_REQUIRED_MESSAGE,
    WITNESS_REQUIRED_MESSAGE,
)


class UnitAdminForm(WagtailAdminModelForm):
    """The unit editor: only a draft is edited. An approved or retired unit is
    what cases were judged against; a change to it is a new version."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.status != UnitStatus.DRAFT:
            raise ValidationError(
                _(
                    "An approved or retired unit is never changed. Make a new "
                    "version of it and edit that draft."
                )
            )
        return cleaned


class UnitDecisionForm(forms.Form):
    """The panel's note on an approval (where and how it decided)."""

    note = forms.CharField(
        label=_("Note on the decision"),
        max_length=300,
        required=False,
        help_text=_("For example the panel meeting and its date."),
    )

    def __init__(self, *args, with_note: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_note:
            del self.fields["note"]


# Cases and evidence -------------------------------------------------------------


# Which kinds of evidence each person adds, and while the case is in which
# states. Mirrors `services.cases._may_add` (which enforces it) so the page offers
# only what the service will accept.
class CriterionChoiceField(ModelMultipleChoiceField):
    """The unit's criteria as checkboxes labelled "1.2 The candidate has …"."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})

    def label_from_instance(self, obj):
        return f"{obj.label} {obj.text}"


class CriteriaFormMixin:
    """A `criteria` field limited to the case's unit, and its checkboxes grouped
    by learning outcome for the template (one fieldset per outcome)."""

    def _add_criteria_field(self, case):
        self.fields["criteria"] = CriterionChoiceField(
            label=_("Criteria it shows"),
            queryset=AssessmentCriterion.objects.filter(outcome__unit=case.unit_id)
            .select_related("outcome")
            .order_by("outcome__number", "number"),
            required=False,
            help_text=_("Tick every criterion this evidence shows."),
            error_messages={
                "invalid_choice": CRITERION_NOT_IN_UNIT_MESSAGE,
                "invalid_pk_value": CRITERION_NOT_IN_UNIT_MESSAGE,
            },
        )

    def criteria_by_outcome(self):
        """[(outcome, [checkbox, …]), …] in the unit's order."""
        groups = []
        for checkbox in self["criteria"]:
            outcome = checkbox.data["value"].instance.outcome
            if not groups or groups[-1][0].pk != outcome.pk:
                groups.append((outcome, []))
            groups[-1][1].append(checkbox)
        return groups


class EvidenceForm(CriteriaFormMixin, forms.Form):
    """One piece of evidence: the kind, then the fields that kind needs (all
    are in the page, so it works without a script), and the criteria it shows."""

    kind = forms.ChoiceField(
        label=_("Kind of evidence"),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A short name, e.g. “Training plan for a new colleague”."),
    )
    file = EvidenceFileField(label=_("File"), required=False)
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The account, statement, observation record or discussion notes, "
            "in your own words."
        ),
    )
    witness_name = forms.CharField(
        label=_("Witness's name"), max_length=200, required=False
    )
    witness_role = forms.CharField(
        label=_("Witness's role"),
        max_length=200,
        required=False,
        help_text=_("For example “Head of department” or “Colleague”."),
    )

    def __init__(self, *args, case, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind, EvidenceKind(kind).label) for kind in kinds
        ]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
        self._add_criteria_field(case)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == EvidenceKind.FILE:
            if not cleaned.get("file") and "file" not in self.errors:
                self.add_error("file", EVIDENCE_FILE_REQUIRED_MESSAGE)
        elif kind and not (cleaned.get("text") or "").strip():
            self.add_error("text", EVIDENCE_TEXT_REQUIRED_MESSAGE)
        if kind == EvidenceKind.WITNESS:
            for name in ("witness_name", "witness_role"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(name, WITNESS_REQUIRED_MESSAGE)
        return cleaned


class EvidenceMapForm(CriteriaFormMixin, forms.Form):
    """Which criteria a piece of evidence shows."""

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_criteria_field(case)


class CaseTransitionForm(forms.Form):
    """One step on a case: the action, the case version the page showed, and
    the reason (required by the service for the steps that send a case back)."""

    action = forms.CharField(widget=forms.HiddenInput, max_length=30)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )
