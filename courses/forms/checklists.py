from django import forms
from django.utils.translation import gettext_lazy as _

# More points than any checklist in the material holds; a forged post cannot
# make the server handle more.
MAX_CHECKLIST_ITEMS = 100


class ChecklistTicksForm(forms.Form):
    """The ticked points of one checklist (their indexes), posted all at once."""

    item = forms.TypedMultipleChoiceField(
        label=_("Ticked points"),
        required=False,
        coerce=int,
        choices=[(str(i), str(i)) for i in range(MAX_CHECKLIST_ITEMS)],
    )
