"""Form fields the whole site uses instead of Django's where Django's can fail.

`ModelMultipleChoiceField` refuses an id the database cannot hold as an invalid
choice. Django checks the range of one id (`ModelChoiceField`), but a list of ids
becomes an `__in` lookup, which SQLite answers with an `OverflowError` (a server
error) for an id beyond 64 bits. Every multiple choice of model objects on the
site goes through it: the apps' own forms name it, admin forms with a `class Meta`
of their own name it in `Meta.field_classes` (such a Meta does not inherit
Wagtail's form-field overrides), and forms Wagtail builds on its default base
form get it for every many-to-many field (registered in
`lms/accounts/wagtail_hooks.py`, the first of the site's hooks).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections, models

from wagtail.admin.forms.models import register_form_field_override


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        if isinstance(value, list | tuple):
            low, high = self._id_range()
            for item in value:
                try:
                    number = int(str(item).strip())
                except ValueError:
                    continue  # Django's own check names it
                if not low <= number <= high:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": item},
                    )
        return super().clean(value)

    def _id_range(self) -> tuple[float, float]:
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        while getattr(field, "target_field", None) is not None:
            field = field.target_field  # a primary key that is a one-to-one link
        internal_type = field.get_internal_type()
        ranges = connections[self.queryset.db].ops.integer_field_ranges
        return ranges.get(internal_type, (float("-inf"), float("inf")))


def register_admin_overrides() -> None:
    """Wagtail's admin forms use the field above for every many-to-many field."""
    register_form_field_override(
        models.ManyToManyField, override={"form_class": ModelMultipleChoiceField}
    )
