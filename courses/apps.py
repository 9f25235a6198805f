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
        _register_course_state()


def _register_course_state():
    """Give the content pages (front page, registry) the course state they show."""
    from cms import course_state

    from .selectors import registry, runs

    course_state.register(
        course_state.CourseState(
            upcoming_runs=runs.upcoming_runs,
            registry_filter_options=registry.registry_filter_options,
            certified_firms=registry.certified_firms,
            certified_firm_profile=registry.certified_firm_profile,
            certified_org_numbers=registry.certified_org_numbers,
        )
    )
