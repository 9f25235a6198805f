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

    def cache_key(self) -> str | None:
        """The validated filters as a cache-key part; None when a value is unknown
        (such an answer is not cached: visitors could make keys without end)."""
        if not self.is_bound:
            return "all"
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return ":".join(
            [
                data["target_group"].slug if data["target_group"] else "",
                data["kind"],
                data["area"],
                data["provider"].slug if data["provider"] else "",
            ]
        )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)


class FirmRegistryFilterForm(forms.Form):
    """Search and filters from the query string; the choices are the data present."""

    q = forms.CharField(
        label=_("Firm name or organisation number"), max_length=200, required=False
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    industry = forms.ChoiceField(label=_("Industry"), required=False)

    def __init__(self, *args, municipalities, industries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [
            ("", _("All municipalities")),
            *((name, name) for name in municipalities),
        ]
        self.fields["industry"].choices = [("", _("All industries")), *industries]
