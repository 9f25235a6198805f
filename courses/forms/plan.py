"""Forms for the inclusion plan: the commitments formset and the leader's review."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.areas import Area
from cms.models import Measure

from ..models import Commitment
from ..services.plans import AREA_ORDER, DUE_DATE_IN_PAST_MESSAGE

MEASURE_NOT_FOUND_MESSAGE = _(
    "This measure is not in the catalogue. Choose another one or leave it empty."
)
# One empty row to start with; "Add a commitment" adds more (in the browser, or
# by a post that only re-shows the form when JavaScript is off).
EXTRA_COMMITMENT_ROWS = 1
# More than any real plan holds (a handful per toolbox area), few enough that a
# forged post cannot make the server build thousands of rows.
MAX_COMMITMENTS = 50
TOO_MANY_COMMITMENTS_MESSAGE = _(
    "A plan can have at most %(num)d commitments. The plan was not saved: "
    "remove or merge some commitments and save again."
)


# What to write in each toolbox area, with an example, shown beside the form.
AREA_GUIDANCE = {
    Area.ATTITUDES: (
        _(
            "How managers and colleagues think and talk about people who need "
            "adaptations at work, and what the firm will do to build a culture "
            "where they are welcome."
        ),
        _(
            "Every manager studies the lesson on attitudes and discusses it with "
            "their team at a staff meeting before 1 March."
        ),
    ),
    Area.MEASURES: (
        _(
            "Which public measures and instruments the firm will use (for example "
            "work trials or wage subsidies through NAV), and for what."
        ),
        _("We offer two work trial places in the bakery through NAV from August."),
    ),
    Area.TARGET_GROUPS: (
        _(
            "Which groups the firm will recruit from or make room for (for "
            "example young people outside work and school, people with reduced "
            "working capacity, newly arrived immigrants), and why."
        ),
        _(
            "We take on one apprentice a year from the municipality's programme "
            "for young people outside work and school."
        ),
    ),
    Area.TRAINING: (
        _(
            "The training the firm will give: to mentors, to colleagues and to "
            "the person who starts."
        ),
        _("Two employees complete the mentor course before the first trainee starts."),
    ),
    Area.SUPPORT: (
        _(
            "How the person will be followed up at work, and how the firm will "
            "work with NAV, schools and other partners."
        ),
        _(
            "The mentor and the trainee meet every Friday; we talk to the NAV "
            "adviser once a month."
        ),
    ),
}


def area_guidance() -> list[dict]:
    """Each toolbox area with what to write in it and an example, in the
    toolbox's order."""
    return [
        {
            "area": area,
            "guidance": AREA_GUIDANCE[area][0],
            "example": AREA_GUIDANCE[area][1],
        }
        for area in Area
    ]


class CommitmentForm(forms.ModelForm):
    """One commitment row; the plan itself is never bound to the form."""

    class Meta:
        model = Commitment
        fields = ["area", "what", "measure", "responsible", "due_date", "is_public"]
        widgets = {
            "what": forms.Textarea(attrs={"rows": 3}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"is_public": _("Show in the public registry")}
        help_texts = {
            "area": _(
                "What to write in each area, with an example, is under "
                "“What to write in each area” above the form."
            ),
            "is_public": _(
                "When the firm is certified, a ticked commitment is shown on the "
                "firm's page in the public registry of certified firms: what you "
                "will do, the area, the date and the measure. Who is responsible "
                "is never shown. Leave it unticked to keep the commitment between "
                "the firm and the course leader."
            ),
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


ADD_ROW_FIELD = "add_row"


def commitment_formset_with_new_row(*, data) -> BaseCommitmentFormSet:
    """The posted rows as they were typed (nothing validated, nothing saved) and
    one empty row more: "Add a commitment" without JavaScript."""
    posted = CommitmentFormSet(data=data, prefix="commitments")
    rows = []
    for form in posted.forms:
        row = {name: form[name].value() for name in CommitmentForm.Meta.fields}
        if any(value not in (None, "", False) for value in row.values()):
            if "DELETE" in form.fields:
                row["DELETE"] = form["DELETE"].value()
            rows.append(row)
    formset = CommitmentFormSet(initial=rows, prefix="commitments")
    formset.extra = 1 if len(rows) < MAX_COMMITMENTS else 0
    if formset.extra:
        # The new row takes the focus, so the person goes on typing there.
        formset.forms[-1].fields["area"].widget.attrs["autofocus"] = True
    return formset


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
