from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lms.form_fields import ModelMultipleChoiceField

CHOOSE_YOUR_FIRM_MESSAGE = _("Choose one of the firms you are the contact for.")


class ApplyForm(forms.Form):
    """Apply for one run. Each run's card has its own form, so the prefix is the
    run's: every firm list on the page gets its own id and its own label."""

    firm = forms.ModelChoiceField(
        label=_("Apply for the firm"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": CHOOSE_YOUR_FIRM_MESSAGE,
            "invalid_choice": CHOOSE_YOUR_FIRM_MESSAGE,
        },
    )

    def __init__(self, *args, run, firms, **kwargs):
        kwargs.setdefault("prefix", apply_form_prefix(run))
        super().__init__(*args, **kwargs)
        self.fields["firm"].queryset = firms


def apply_form_prefix(run) -> str:
    return f"run-{run.pk}"


class ParticipantsForm(forms.Form):
    participants = ModelMultipleChoiceField(
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
