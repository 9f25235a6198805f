from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course runs, enrolment, attendance, progress, quizzes and certification.

    Quizzes and certification come with their own issues.
    """

    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, signals  # noqa: F401
