from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and firms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, signals  # noqa: F401
        from .sessions import timeouts  # noqa: F401  (starts the session clocks)
        from .two_factor import log_actions  # noqa: F401
        from .two_factor import signals as two_factor_signals  # noqa: F401
