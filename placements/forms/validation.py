"""The firm's form to start a trainee's validation: a work-area unit and an
assessor. `services.validation.placement_validation_start` decides the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.validation import assessor_choices, work_area_units
from ..services.validation import NOT_WORK_AREA_MESSAGE

UNIT_REQUIRED_MESSAGE = _("Choose the work area the trainee will be validated in.")
ASSESSOR_REQUIRED_MESSAGE = _("Choose the assessor.")
ASSESSOR_CHOICE_MESSAGE = _(
    "Choose an assessor from the list. The mentor cannot be the assessor."
)


class UnitRadioSelect(forms.RadioSelect):
    """Each choice is described by the unit's facts shown under it."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}-facts"
        return option


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class AssessorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ValidationStartForm(forms.Form):
    unit = UnitChoiceField(
        label=_("Work area"),
        queryset=None,
        widget=UnitRadioSelect(attrs={"class": "form-check-input"}),
        empty_label=None,
        error_messages={
            "required": UNIT_REQUIRED_MESSAGE,
            "invalid_choice": NOT_WORK_AREA_MESSAGE,
        },
    )
    assessor = AssessorChoiceField(
        label=_("Assessor"),
        queryset=None,
        help_text=_(
            "The assessor decides if the trainee has shown each criterion. The "
            "assessor cannot be the mentor."
        ),
        error_messages={
            "required": ASSESSOR_REQUIRED_MESSAGE,
            "invalid_choice": ASSESSOR_CHOICE_MESSAGE,
        },
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = work_area_units()
        self.fields["assessor"].queryset = assessor_choices(placement=placement)
