"""The answer to one quiz question, built from the question as it was asked;
the course leader's form that gives a participant more attempts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.quizzes import AskedQuestion
from ..services.quizzes import (
    CHOICE_NOT_IN_QUESTION_MESSAGE,
    CHOOSE_AT_LEAST_ONE_MESSAGE,
    CHOOSE_ONE_MESSAGE,
    GRANT_EXTRA_MAX,
    GRANT_EXTRA_MIN,
    GRANT_EXTRA_RANGE_MESSAGE,
    GRANT_NOT_IN_RUN_MESSAGE,
    GRANT_REASON_REQUIRED_MESSAGE,
)

# Where the buttons of a question page lead after saving (the `go` value): the
# question with that number, every question on one page, or submitting.
GO_ALL = "all"
GO_SUBMIT = "submit"


class AnswerForm(forms.Form):
    """Radio buttons (single, true/false) or checkboxes (multiple) for one question.

    The form refuses what the service would refuse, with the service's messages,
    so a bad answer never reaches the database and reads the same either way.

    Every way off a question page is a submit button of this form (`go`): the
    answer on the page is saved, then the person goes where they asked. Going
    elsewhere with nothing chosen is not an error; saving nothing is.
    """

    # Where to go after saving: back to the page with every question on it.
    all_on_one = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # Set by the navigation buttons; empty for "Save" (then: the next question).
    go = forms.ChoiceField(required=False)

    def __init__(self, *args, question: AskedQuestion, total: int = 0, **kwargs):
        # Several questions on one page: every input id must be unique.
        kwargs.setdefault("auto_id", f"id_q{question.position}_%s")
        super().__init__(*args, **kwargs)
        self.question = question
        positions = [(str(n), str(n)) for n in range(1, total + 1)]
        self.fields["go"].choices = [
            ("", ""),
            (GO_ALL, GO_ALL),
            (GO_SUBMIT, GO_SUBMIT),
            *positions,
        ]
        options = [(choice.id, choice.text) for choice in question.choices]
        widget_attrs = {"class": "form-check-input"}
        if question.multiple:
            field = forms.TypedMultipleChoiceField(
                coerce=int,
                choices=options,
                widget=forms.CheckboxSelectMultiple(attrs=widget_attrs),
                error_messages={
                    "required": CHOOSE_AT_LEAST_ONE_MESSAGE,
                    "invalid_choice": CHOICE_NOT_IN_QUESTION_MESSAGE,
                },
                initial=question.selected,
            )
        else:
            field = forms.TypedChoiceField(
                coerce=int,
                choices=options,
                widget=forms.RadioSelect(attrs=widget_attrs),
                error_messages={
                    "required": CHOOSE_ONE_MESSAGE,
                    "invalid_choice": CHOICE_NOT_IN_QUESTION_MESSAGE,
                },
                initial=question.selected[0] if question.selected else None,
            )
        field.label = question.text
        # Leaving the question without choosing anything is allowed.
        field.required = not (self.is_bound and self.data.get("go"))
        self.fields["choice"] = field

    @property
    def destination(self) -> str:
        """The `go` value: "", GO_ALL, GO_SUBMIT or a question number."""
        return self.cleaned_data.get("go") or ""

    def choice_ids(self) -> list[int]:
        """The chosen choices; empty when leaving without choosing."""
        chosen = self.cleaned_data["choice"]
        if chosen in (None, "", []):
            return []
        return list(chosen) if isinstance(chosen, list) else [chosen]


class AttemptGrantForm(forms.Form):
    """Who gets more attempts at the quiz, how many and why. `people`: the
    run's participants as (user id, label) pairs."""

    person = forms.TypedChoiceField(
        label=_("Participant"),
        coerce=int,
        error_messages={
            "required": GRANT_NOT_IN_RUN_MESSAGE,
            "invalid_choice": GRANT_NOT_IN_RUN_MESSAGE,
        },
    )
    extra = forms.IntegerField(
        label=_("Extra attempts"),
        min_value=GRANT_EXTRA_MIN,
        max_value=GRANT_EXTRA_MAX,
        initial=1,
        error_messages={
            "required": GRANT_EXTRA_RANGE_MESSAGE,
            "invalid": GRANT_EXTRA_RANGE_MESSAGE,
            "min_value": GRANT_EXTRA_RANGE_MESSAGE,
            "max_value": GRANT_EXTRA_RANGE_MESSAGE,
        },
        help_text=_("From 1 to 5."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": GRANT_REASON_REQUIRED_MESSAGE},
        help_text=_("Recorded with the grant, with your name and the date."),
    )

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        kwargs.setdefault("prefix", "grant")
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "—"), *people]
