from django import forms
from django.utils.translation import gettext_lazy as _

from .areas import Area
from .models.snippets import MeasureKind, Provider, TargetGroup


class MeasureFilterForm(forms.Form):
    """The catalogue's filters, from the query string (works without JavaScript)."""

    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All target groups"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of measure"),
        choices=[("", _("All kinds")), *MeasureKind.choices],
        required=False,
    )
    area = forms.ChoiceField(
        label=_("Toolbox area"),
        choices=[("", _("All areas")), *Area.choices],
        required=False,
    )
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Provider.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All providers"),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
