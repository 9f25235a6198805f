"""The firm's yearly follow-up form: counts of people, never persons.

The form only parses what was typed; whether the counts hold is decided by
`services.follow_up_figures_problems`, the one set of rules the services use
too, so the page and the database never disagree about a figure.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Measure, MeasureKind
from courses.services.certification import FOLLOW_UP_EMPTY_MESSAGE
from lms.form_fields import ModelMultipleChoiceField

from .categories import (
    ARRANGEMENT_FIELDS,
    ENDED_FIELDS,
    TARGET_GROUP_FIELDS,
    Arrangement,
    EndOutcome,
    TargetGroup,
)
from .services import COUNT_FIELDS, LARGEST_COUNT, follow_up_figures_problems

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")

ARRANGEMENTS_LEGEND = _(
    "People taken in, by arrangement (count each person once, under the "
    "arrangement they have now or had last)"
)
TARGET_GROUPS_LEGEND = _(
    "…of whom, by target group (a person may be in several groups, or none)"
)
ENDED_LEGEND = _("Where did people go when a placement ended?")
ENDED_HELP = _(
    "Count the people whose placement (work trial, wage subsidy, "
    "apprenticeship, temporary or summer job) ended in these twelve months, "
    "by where they went next. Count each person once, by where they went last. "
    "Someone still with you is not counted here."
)
TARGET_GROUPS_NOT_PREFILLED = _(
    "The platform records nothing about target groups, so these are never "
    "filled in for you: count them yourself."
)


class CountInput(forms.NumberInput):
    """A whole number from 0; phones show the number pad."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "min": 0,
                "max": LARGEST_COUNT,
                "step": 1,
                "inputmode": "numeric",
                "class": "form-control count-input",
                **(attrs or {}),
            }
        )


class CountField(forms.Field):
    """Text that reads as a whole number becomes an int; anything else is kept
    as typed, so the shared rules give it their message (and the page shows
    it again as the person wrote it)."""

    widget = CountInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("initial", 0)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = str(value if value is not None else "").strip()
        # More digits than any count (and than int() reads: 4300) stay text.
        if len(text) <= 18 and _WHOLE_NUMBER.fullmatch(text):
            return int(text)
        # Blank is not quietly 0: a browser sends "" for a number field it
        # could not read (Firefox, for "abc"), and a lost figure would be
        # counted as nobody.
        return text


class FollowUpFiguresForm(forms.Form):
    """The yearly follow-up: the six arrangements, the four target groups,
    where people went when a placement ended, mentors, measures used, the
    account and whether it may be published."""

    work_trial = CountField(label=Arrangement.WORK_TRIAL.label)
    wage_subsidy = CountField(label=Arrangement.WAGE_SUBSIDY.label)
    permanent_job = CountField(label=Arrangement.PERMANENT.label)
    temporary_job = CountField(label=Arrangement.TEMPORARY.label)
    apprenticeship = CountField(label=Arrangement.APPRENTICESHIP.label)
    summer_job = CountField(label=Arrangement.SUMMER_JOB.label)

    young = CountField(label=TargetGroup.YOUNG.label)
    disability = CountField(label=TargetGroup.DISABILITY.label)
    immigrant = CountField(label=TargetGroup.IMMIGRANT.label)
    other_group = CountField(label=TargetGroup.OTHER.label)

    ended_employed = CountField(
        label=EndOutcome.EMPLOYED.label,
        help_text=_("A job with wages, in your firm or somewhere else."),
    )
    ended_education = CountField(
        label=EndOutcome.EDUCATION.label,
        help_text=_("School, studies or a course that leads to a qualification."),
    )
    ended_new_placement = CountField(
        label=EndOutcome.NEW_PLACEMENT.label,
        help_text=_("A new work trial, wage subsidy or other arrangement."),
    )
    ended_other = CountField(
        label=EndOutcome.OTHER.label,
        help_text=_(
            "Anything else, or not known. Do not write why: nothing about "
            "health or a person's situation belongs here."
        ),
    )

    mentors = CountField(
        label=_("Workplace mentors"),
        help_text=_(
            "How many of the firm's employees work as workplace mentors "
            "(arbeidsplassmentor) now."
        ),
    )
    measures = ModelMultipleChoiceField(
        label=_("Measures the firm used this year"),
        queryset=Measure.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("From the measure catalogue. Tick every one you used."),
    )
    narrative = forms.CharField(
        label=_("What the firm has done this year"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": FOLLOW_UP_EMPTY_MESSAGE},
        help_text=_(
            "Which commitments from the plan you have carried out, what you have "
            "learnt, and what you will do next year. Do not write anything that "
            "identifies a person."
        ),
    )
    publish_account = forms.BooleanField(
        label=_("You may publish this account on the public results page"),
        required=False,
        help_text=_(
            "Only the account above is published, if you tick this. The numbers "
            "are never published for one firm alone: the public figures add up "
            "every firm and hide small counts."
        ),
    )

    def __init__(self, *args, report=None, **kwargs):
        """`report`: the filed report whose figures prefill the form."""
        if report is not None:
            kwargs.setdefault("initial", report_initial(report))
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        counts = {name: cleaned.get(name, "") for name in COUNT_FIELDS}
        for name, message in follow_up_figures_problems(counts).items():
            self.add_error(name, message)
        return cleaned

    # --- For the template -----------------------------------------------------

    def arrangement_fields(self):
        return [self[name] for name in ARRANGEMENT_FIELDS]

    def target_group_fields(self):
        return [self[name] for name in TARGET_GROUP_FIELDS]

    def ended_fields(self):
        return [self[name] for name in ENDED_FIELDS]

    def measures_by_kind(self):
        """[(kind label, [checkbox, …]), …] in the catalogue's order of kinds,
        each kind's measures by name; kinds nobody offers are left out."""
        groups = {kind: [] for kind in MeasureKind.values}
        for checkbox in self["measures"]:
            groups[checkbox.data["value"].instance.kind].append(checkbox)
        return [
            (MeasureKind(kind).label, boxes) for kind, boxes in groups.items() if boxes
        ]

    def _typed_sum(self, names) -> int | None:
        values = []
        for name in names:
            value = self.fields[name].to_python(self[name].value())
            if not isinstance(value, int) or value < 0:
                return None
            values.append(value)
        return sum(values)

    def taken_in(self) -> int | None:
        """The people taken in as typed so far (the arrangements' sum), or None
        while an arrangement is not a count."""
        return self._typed_sum(ARRANGEMENT_FIELDS)

    def ended(self) -> int | None:
        """The people whose placement ended, as typed so far, or None while one
        of them is not a count."""
        return self._typed_sum(ENDED_FIELDS)

    # --- For the services -----------------------------------------------------

    def service_arguments(self) -> dict:
        """The keyword arguments of `follow_up_submit`/`follow_up_update`."""
        data = self.cleaned_data
        return {
            "narrative": data["narrative"],
            "counts": {
                name: data[name]
                for name in (*ARRANGEMENT_FIELDS, *TARGET_GROUP_FIELDS, *ENDED_FIELDS)
            },
            "mentors": data["mentors"],
            "measures": list(data["measures"]),
            "publish_account": data["publish_account"],
        }


def report_initial(report) -> dict:
    """The form's values for a filed report (a report filed before figures
    existed starts from 0)."""
    initial = {"narrative": report.narrative}
    figures = getattr(report, "figures", None)
    if figures is not None:
        initial.update({name: getattr(figures, name) for name in COUNT_FIELDS})
        initial["measures"] = [measure.pk for measure in figures.measures.all()]
        initial["publish_account"] = figures.publish_account
    return initial
