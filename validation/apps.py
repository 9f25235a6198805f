from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValidationConfig(AppConfig):
    """OCN-style validation of mentors' competences: units, cases, evidence, decisions.

    Filled in by the validation issues.
    """

    name = "validation"
    verbose_name = _("Validation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import verification

        from . import personal_data, signals  # noqa: F401
        from .verification import verified_validation_certificate

        verification.register(verified_validation_certificate)
