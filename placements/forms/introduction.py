"""Forms for the introduction checklist: the ticks, the firm's adaptation of the
checklist, and the default checklist in Wagtail's admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from ..models import IntroductionTemplate, IntroductionTopic
from ..selectors.introduction import IntroductionSide
from ..services.introduction import MAX_INTRODUCTION_ITEMS, TOO_MANY_ITEMS_MESSAGE

TEXT_REQUIRED_MESSAGE = _(
    "Write what to do, or tick “Remove this item” to take it off the checklist."
)
TEXT_TOO_LONG_MESSAGE = _(
    "Write at most %(limit_value)d characters (you wrote %(show_value)d)."
)
TOPIC_REQUIRED_MESSAGE = _("Choose a topic for this item.")
ANOTHER_DEFAULT_MESSAGE = _(
    "“%(name)s” is the default checklist already. Untick “default” there first."
)
# Empty rows under the saved items for new ones; saving gives three more.
EXTRA_ITEM_ROWS = 3
TEXT_MAX_LENGTH = 300

_DONE_FIELD = {
    IntroductionSide.TRAINEE: "trainee_done_at",
    IntroductionSide.MENTOR: "mentor_done_at",
}


class IntroductionTickForm(forms.Form):
    """One checkbox per item, for the column of the person ticking (`side`);
    an unticked box unticks the item."""

    def __init__(self, *args, items, side: IntroductionSide, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[self.field_name(item)] = forms.BooleanField(
                label=item.text,
                required=False,
                initial=getattr(item, _DONE_FIELD[side]) is not None,
                widget=forms.CheckboxInput(
                    attrs={
                        "class": "form-check-input fs-2 m-0 flex-shrink-0",
                        "aria-describedby": f"item-{item.pk}-status",
                    }
                ),
            )

    @staticmethod
    def field_name(item) -> str:
        return f"item-{item.pk}"

    def field_for(self, item):
        return self[self.field_name(item)]

    def ticked(self) -> dict[int, bool]:
        """Item id → ticked, for every item the form showed."""
        return {
            item.pk: bool(self.cleaned_data.get(self.field_name(item)))
            for item in self.items
        }


class IntroductionItemForm(forms.Form):
    """One row of the firm's checklist: a saved item (with its id) or a new one."""

    id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("Choose a topic")), *IntroductionTopic.choices],
        error_messages={"required": TOPIC_REQUIRED_MESSAGE},
    )
    text = forms.CharField(
        label=_("What to do"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One short sentence the trainee understands, for example “You have "
            "been shown where to change and where to eat.” Write nothing about "
            "health, diagnosis or where the trainee comes from."
        ),
        error_messages={
            "required": TEXT_REQUIRED_MESSAGE,
            "max_length": TEXT_TOO_LONG_MESSAGE,
        },
    )


class BaseIntroductionFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "too_many_forms": TOO_MANY_ITEMS_MESSAGE,
        }

    def _construct_form(self, i, **kwargs):
        # An empty new row is ignored; a saved row emptied is an error (removing
        # an item is a tick of its own).
        kwargs.setdefault("empty_permitted", True)
        return super()._construct_form(i, **kwargs)

    def rows(self) -> list[dict]:
        """The posted rows as the service wants them (empty new rows left out)."""
        rows = []
        for form in self.forms:
            if not form.cleaned_data:
                continue
            rows.append(
                {
                    "id": form.cleaned_data.get("id"),
                    "topic": form.cleaned_data.get("topic"),
                    "text": form.cleaned_data.get("text", ""),
                    "delete": bool(form.cleaned_data.get("DELETE")),
                }
            )
        return rows


IntroductionFormSet = forms.formset_factory(
    IntroductionItemForm,
    formset=BaseIntroductionFormSet,
    extra=EXTRA_ITEM_ROWS,
    # Never more rows than this are built, whatever TOTAL_FORMS says; a post
    # with more is refused with TOO_MANY_ITEMS_MESSAGE.
    max_num=MAX_INTRODUCTION_ITEMS,
    absolute_max=MAX_INTRODUCTION_ITEMS,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)

FORMSET_PREFIX = "items"


def introduction_formset(*, items, data=None) -> BaseIntroductionFormSet:
    """The edit formset: the saved items in their order, then empty rows."""
    if data is not None:
        formset = IntroductionFormSet(data=data, prefix=FORMSET_PREFIX)
    else:
        initial = [
            {"id": item.pk, "topic": item.topic, "text": item.text} for item in items
        ]
        formset = IntroductionFormSet(initial=initial, prefix=FORMSET_PREFIX)
    for form in formset.forms:
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this item")
    return formset


class IntroductionTemplateAdminForm(WagtailAdminModelForm):
    """The checklist in Wagtail's admin: only one may be the default, said in
    words rather than as a database error."""

    def clean_is_default(self):
        is_default = self.cleaned_data["is_default"]
        if is_default:
            other = (
                IntroductionTemplate.objects.filter(is_default=True)
                .exclude(pk=self.instance.pk)
                .first()
            )
            if other is not None:
                raise forms.ValidationError(
                    ANOTHER_DEFAULT_MESSAGE,
                    code="another_default",
                    params={"name": other.name},
                )
        return is_default
