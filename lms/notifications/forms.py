from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import OPTIONAL_KINDS


class PreferencesForm(forms.Form):
    """Which optional e-mails the person gets; required ones are not fields."""

    on = forms.MultipleChoiceField(
        label=_("E-mails I want"),
        choices=[(kind.value, kind.label) for kind in OPTIONAL_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def turned_off(self) -> set[str]:
        return {kind.value for kind in OPTIONAL_KINDS} - set(self.cleaned_data["on"])
