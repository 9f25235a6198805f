from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course runs, enrolment, attendance, progress, quizzes and certification.

    Filled in by the course-runs, quizzes and certification issues.
    """

    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"
