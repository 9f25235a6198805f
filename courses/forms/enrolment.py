from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class ApplyForm(forms.Form):
    firm = forms.ModelChoiceField(label=_("Firm"), queryset=None, empty_label=None)

    def __init__(self, *args, firms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["firm"].queryset = firms


class ParticipantsForm(forms.Form):
    participants = forms.ModelMultipleChoiceField(
        label=_("Who takes part"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, firm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = (
            get_user_model()
            .objects.filter(memberships__firm=firm, is_active=True)
            .order_by("first_name", "last_name")
        )
