"""Forms for evaluations: the firm's record (with one progress fieldset per
goal) and the trainee's answer. `services.evaluations` holds the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Progress, TraineeResponse
from ..services.evaluations import (
    COMMENT_REQUIRED_MESSAGE,
    MAX_NOTE,
    NOTE_TOO_LONG_MESSAGE,
    RESPONSE_CHOICE_MESSAGE,
    TO_CHANGE_REQUIRED_MESSAGE,
    WENT_WELL_REQUIRED_MESSAGE,
)
from .work_plan import NO_PERSONAL_DETAILS_HELP

MAX_COMMENT = 2000
DATE_REQUIRED_MESSAGE = _("Write the date of the conversation.")
DATE_INVALID_MESSAGE = _("Write a date, e.g. 14.04.2025.")
PROGRESS_REQUIRED_MESSAGE = _("Choose the progress for this goal.")


class EvaluationForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date of the conversation"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": DATE_REQUIRED_MESSAGE,
            "invalid": DATE_INVALID_MESSAGE,
        },
    )
    went_well = forms.CharField(
        label=_("What went well"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": WENT_WELL_REQUIRED_MESSAGE},
        help_text=NO_PERSONAL_DETAILS_HELP,
    )
    to_change = forms.CharField(
        label=_("What to change"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": TO_CHANGE_REQUIRED_MESSAGE},
        help_text=NO_PERSONAL_DETAILS_HELP,
    )


class GoalProgressForm(forms.Form):
    """The progress on one goal; its prefix holds the goal's pk."""

    progress = forms.ChoiceField(
        label=_("Progress"),
        choices=Progress.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": PROGRESS_REQUIRED_MESSAGE},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=MAX_NOTE,
        required=False,
        error_messages={"max_length": NOTE_TOO_LONG_MESSAGE},
    )

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, prefix=f"goal-{goal.pk}", **kwargs)
        self.goal = goal


def goal_progress_forms(*, goals, data=None) -> list[GoalProgressForm]:
    """One progress form per goal of the plan, in the plan's order."""
    return [GoalProgressForm(data=data, goal=goal) for goal in goals]


def progress_by_goal(forms_: list[GoalProgressForm]) -> dict:
    """goal pk → (progress, note), as the service wants it."""
    return {
        form.goal.pk: (form.cleaned_data["progress"], form.cleaned_data["note"])
        for form in forms_
    }


class ResponseForm(forms.Form):
    """The trainee's answer: "This is right", or a comment."""

    response = forms.ChoiceField(
        choices=TraineeResponse.choices,
        widget=forms.HiddenInput,
        error_messages={
            "required": RESPONSE_CHOICE_MESSAGE,
            "invalid_choice": RESPONSE_CHOICE_MESSAGE,
        },
    )
    comment = forms.CharField(
        label=_("Your comment"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What is not right? Write it in your own words."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("response") == TraineeResponse.COMMENTED
            and not (cleaned.get("comment") or "").strip()
        ):
            self.add_error("comment", COMMENT_REQUIRED_MESSAGE)
        return cleaned
