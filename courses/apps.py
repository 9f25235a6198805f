from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course runs, enrolment, attendance, progress, quizzes and certification."""

    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import verification

        from . import personal_data, signals  # noqa: F401
        from .selectors.certificates import (
            verified_certification,
            verified_course_certificate,
        )

        verification.register(verified_certification)
        verification.register(verified_course_certificate)
