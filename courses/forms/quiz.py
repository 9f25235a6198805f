"""The answer to one quiz question, built from the question as it was asked."""

from django import forms

from ..selectors.quizzes import AskedQuestion
from ..services.quizzes import (
    CHOICE_NOT_IN_QUESTION_MESSAGE,
    CHOOSE_AT_LEAST_ONE_MESSAGE,
    CHOOSE_ONE_MESSAGE,
)


class AnswerForm(forms.Form):
    """Radio buttons (single, true/false) or checkboxes (multiple) for one question.

    The form refuses what the service would refuse, with the service's messages,
    so a bad answer never reaches the database and reads the same either way.
    """

    # Where to go after saving: back to the page with every question on it.
    all_on_one = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, question: AskedQuestion, **kwargs):
        # Several questions on one page: every input id must be unique.
        kwargs.setdefault("auto_id", f"id_q{question.position}_%s")
        super().__init__(*args, **kwargs)
        self.question = question
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
        self.fields["choice"] = field

    def choice_ids(self) -> list[int]:
        chosen = self.cleaned_data["choice"]
        return list(chosen) if isinstance(chosen, list) else [chosen]
