"""Forms for the inclusion plan: the commitments formset and the leader's review."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Measure

from ..models import Commitment
from ..services.plans import AREA_ORDER, DUE_DATE_IN_PAST_MESSAGE

MEASURE_NOT_FOUND_MESSAGE = _(
    "This measure is not in the catalogue. Choose another one or leave it empty."
)
EXTRA_COMMITMENT_ROWS = 3
# More than any real plan holds (a handful per toolbox area), few enough that a
# forged post cannot make the server build thousands of rows.
MAX_COMMITMENTS = 50
TOO_MANY_COMMITMENTS_MESSAGE = _(
    "A plan can have at most %(num)d commitments. The plan was not saved: "
    "remove or merge some commitments and save again."
)


class CommitmentForm(forms.ModelForm):
    """One commitment row; the plan itself is never bound to the form."""

    class Meta:
        model = Commitment
        fields = ["area", "what", "measure", "responsible", "due_date", "is_public"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {"measure": {"invalid_choice": MEASURE_NOT_FOUND_MESSAGE}}

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date is not None and due_date < timezone.localdate():
            raise forms.ValidationError(
                DUE_DATE_IN_PAST_MESSAGE,
                code="due_date_in_past",
                params={"date": due_date.strftime("%d.%m.%Y")},
            )
        return due_date


class BaseCommitmentFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "too_many_forms": TOO_MANY_COMMITMENTS_MESSAGE,
        }
        # One query for the measure list, shared by every row's select.
        self._measure_choices = [
            ("", "---------"),
            *Measure.objects.order_by("name").values_list("pk", "name"),
        ]

    def _construct_form(self, i, **kwargs):
        # A row left completely blank is ignored, saved rows included: the plan is
        # replaced by what was posted, so a blank row is simply not kept.
        kwargs.setdefault("empty_permitted", True)
        form = super()._construct_form(i, **kwargs)
        form.fields["measure"].choices = self._measure_choices
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        form.fields["measure"].choices = self._measure_choices
        return form

    def commitments(self) -> list[dict]:
        """The rows to keep, as the service wants them (deleted and empty rows out)."""
        return [
            {key: form.cleaned_data[key] for key in CommitmentForm.Meta.fields}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


CommitmentFormSet = forms.formset_factory(
    CommitmentForm,
    formset=BaseCommitmentFormSet,
    extra=EXTRA_COMMITMENT_ROWS,
    # Never more rows than this are built, whatever TOTAL_FORMS says; a post
    # with more is refused with TOO_MANY_COMMITMENTS_MESSAGE.
    max_num=MAX_COMMITMENTS,
    absolute_max=MAX_COMMITMENTS,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)


def commitment_formset(*, plan, data=None) -> BaseCommitmentFormSet:
    """The formset for `plan`: its saved commitments first, then empty rows.

    A posted formset is not compared with the saved rows: those may have changed
    since the form was shown, and every posted row counts as typed.
    """
    if data is not None:
        return CommitmentFormSet(data=data, prefix="commitments")
    initial = [
        {
            "area": row.area,
            "what": row.what,
            "measure": row.measure_id,
            "responsible": row.responsible,
            "due_date": row.due_date,
            "is_public": row.is_public,
        }
        for row in sorted(
            plan.commitments.all(),
            key=lambda row: (AREA_ORDER[row.area], row.position, row.pk),
        )
    ]
    return CommitmentFormSet(data=data, initial=initial, prefix="commitments")


class PlanVersionForm(forms.Form):
    """The version of the plan the edit form was based on (optimistic locking)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class PlanReviewForm(forms.Form):
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"

    comment = forms.CharField(
        label=_("Comment to the firm"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Required when you ask for changes: say what the firm should change."
        ),
    )
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (REQUEST_CHANGES, _("Request changes"))],
        widget=forms.HiddenInput,
    )
