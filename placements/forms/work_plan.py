"""The work plan's edit form: goals and tasks as formsets, and the support.

The forms parse what was typed; `services.work_plan.work_plan_update` decides
whether the plan holds (the same limits), and saves it all or nothing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.plan import work_area_criteria_choices
from ..services.work_plan import (
    FIRST_WEEK,
    GOAL_TEXT_REQUIRED_MESSAGE,
    LAST_WEEK,
    MAX_GOALS,
    MAX_TASKS,
    MAX_TEXT,
    TASK_TEXT_REQUIRED_MESSAGE,
    TEXT_TOO_LONG_MESSAGE,
    TOO_MANY_GOALS_MESSAGE,
    TOO_MANY_TASKS_MESSAGE,
    WEEK_MESSAGE,
)

EXTRA_GOAL_ROWS = 2
EXTRA_TASK_ROWS = 4
CRITERION_CHOICE_MESSAGE = _(
    "Choose criteria from the list. A goal can only be linked to criteria of the "
    "work-area units."
)
REMOVE_LABEL = _("Remove")
NO_PERSONAL_DETAILS_HELP = _(
    "Do not write anything about health, diagnosis or where the trainee comes from."
)
_WEEK_ERRORS = {
    "required": _("Write the week number."),
    "invalid": WEEK_MESSAGE,
    "min_value": WEEK_MESSAGE,
    "max_value": WEEK_MESSAGE,
}


class GoalForm(forms.Form):
    goal = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Goal"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": GOAL_TEXT_REQUIRED_MESSAGE,
            "max_length": TEXT_TOO_LONG_MESSAGE,
        },
        help_text=_("One goal in a short sentence, e.g. “I can open the café alone.”"),
    )
    criteria = forms.TypedMultipleChoiceField(
        label=_("Assessment criteria this goal shows (optional)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": CRITERION_CHOICE_MESSAGE},
    )

    def __init__(self, *args, criteria_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = criteria_choices
        self.criteria_choices = criteria_choices

    def criteria_by_unit(self) -> list[dict]:
        """The criteria checkboxes grouped by unit, for a fieldset per unit."""
        widgets = iter(self["criteria"].subwidgets)
        return [
            {"unit": unit, "checkboxes": [next(widgets) for _choice in choices]}
            for unit, choices in self.criteria_choices
        ]


class TaskForm(forms.Form):
    week = forms.IntegerField(
        label=_("Week"),
        min_value=FIRST_WEEK,
        max_value=LAST_WEEK,
        error_messages=_WEEK_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    text = forms.CharField(
        label=_("Task"),
        max_length=MAX_TEXT,
        error_messages={
            "required": TASK_TEXT_REQUIRED_MESSAGE,
            "max_length": TEXT_TOO_LONG_MESSAGE,
        },
    )


class _PlanFormSet(forms.BaseFormSet):
    too_many_message = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "too_many_forms": self.too_many_message,
        }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = REMOVE_LABEL

    def _construct_form(self, i, **kwargs):
        # A row left blank is ignored; a saved row emptied must say "Remove".
        kwargs.setdefault("empty_permitted", True)
        return super()._construct_form(i, **kwargs)

    def rows(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class BaseGoalFormSet(_PlanFormSet):
    too_many_message = TOO_MANY_GOALS_MESSAGE

    def __init__(self, *args, **kwargs):
        # One query for the criteria, shared by every row.
        kwargs.setdefault("form_kwargs", {})["criteria_choices"] = (
            work_area_criteria_choices()
        )
        super().__init__(*args, **kwargs)

    def goals(self) -> list[dict]:
        """The goals to keep, as the service wants them."""
        return [
            {"pk": row.get("goal"), "text": row["text"], "criteria": row["criteria"]}
            for row in self.rows()
        ]


class BaseTaskFormSet(_PlanFormSet):
    too_many_message = TOO_MANY_TASKS_MESSAGE

    def tasks(self) -> list[dict]:
        return [{"week": row["week"], "text": row["text"]} for row in self.rows()]


def _formset(form, base, extra, maximum):
    return forms.formset_factory(
        form,
        formset=base,
        extra=extra,
        # Never more rows than this are built, whatever TOTAL_FORMS says; a
        # post with more is refused with the formset's message.
        max_num=maximum,
        absolute_max=maximum,
        validate_max=True,
        can_delete=True,
        can_delete_extra=False,
    )


GoalFormSet = _formset(GoalForm, BaseGoalFormSet, EXTRA_GOAL_ROWS, MAX_GOALS)
TaskFormSet = _formset(TaskForm, BaseTaskFormSet, EXTRA_TASK_ROWS, MAX_TASKS)


class SupportForm(forms.Form):
    support_agreed = forms.CharField(
        label=_("Support agreed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the trainee gets help with, and from whom (e.g. “The mentor "
            "shows each new task first.”). %(personal)s"
        )
        % {"personal": NO_PERSONAL_DETAILS_HELP},
    )


def work_plan_forms(*, placement, data=None, extra_rows: bool = True) -> dict:
    """The goals and tasks formsets and the support form for `placement`: its
    saved plan first, then empty rows; bound to `data` when posted."""
    if data is not None:
        return {
            "goals": GoalFormSet(data=data, prefix="goals"),
            "tasks": TaskFormSet(data=data, prefix="tasks"),
            "support": SupportForm(data=data),
        }
    goals = [
        {
            "goal": goal.pk,
            "text": goal.text,
            "criteria": [c.pk for c in goal.criteria.all()],
        }
        for goal in placement.goals.prefetch_related("criteria").order_by(
            "position", "pk"
        )
    ]
    tasks = list(placement.tasks.order_by("week", "pk").values("week", "text"))
    goal_formset = GoalFormSet(initial=goals, prefix="goals")
    task_formset = TaskFormSet(initial=tasks, prefix="tasks")
    if not extra_rows:
        goal_formset.extra = task_formset.extra = 0
    return {
        "goals": goal_formset,
        "tasks": task_formset,
        "support": SupportForm(initial={"support_agreed": placement.support_agreed}),
    }
