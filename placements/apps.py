from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """The trainee's journey: placements in certified firms, the introduction,
    the work plan, evaluations, validation per work area and the outcome."""

    name = "placements"
    verbose_name = _("Placements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data  # noqa: F401
