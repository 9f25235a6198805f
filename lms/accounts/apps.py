from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and firms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, signals  # noqa: F401
