"""Forms of the validation side."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import UnitStatus


class UnitAdminForm(WagtailAdminModelForm):
    """The unit editor: only a draft is edited. An approved or retired unit is
    what cases were judged against; a change to it is a new version."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.status != UnitStatus.DRAFT:
            raise ValidationError(
                _(
                    "An approved or retired unit is never changed. Make a new "
                    "version of it and edit that draft."
                )
            )
        return cleaned


class UnitDecisionForm(forms.Form):
    """The panel's note on an approval (where and how it decided)."""

    note = forms.CharField(
        label=_("Note on the decision"),
        max_length=300,
        required=False,
        help_text=_("For example the panel meeting and its date."),
    )

    def __init__(self, *args, with_note: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_note:
            del self.fields["note"]
