"""Editors and course leaders keep the question bank and quizzes in the Wagtail
admin; their permissions are granted after every migrate."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from cms.cache import bump_content_version, bump_content_version_on_change

QUIZ_MODELS = ["question", "choice", "quiz", "quizquestion"]


@receiver(post_migrate, dispatch_uid="courses.grant_quiz_permissions")
def grant_quiz_permissions(sender, using="default", **kwargs):
    if sender.label != "courses":
        return
    from lms.accounts.roles import Role
    from lms.accounts.signals import grant_model_permissions

    grant_model_permissions(
        app_label="courses",
        models=QUIZ_MODELS,
        roles=(Role.EDITOR, Role.COURSE_LEADER),
        using=using,
    )


# The front page lists the runs open for enrolment and "my course" caches each
# run's sessions and preparation lessons (cms.cache): a change to either drops
# the cached content at once.
bump_content_version_on_change("courses.CourseRun", "courses.Session")
# The registry of certified firms (a public page, kept whole for visitors by
# cms.page_cache) shows certifications, the firms' names and public commitments.
bump_content_version_on_change(
    "courses.Certification", "accounts.Firm", "courses.Commitment"
)
m2m_changed.connect(
    bump_content_version,
    sender="courses.Session_preparation_lessons",
    dispatch_uid="courses.session-lessons",
)


@receiver(post_save, sender="courses.Certification", dispatch_uid="courses.cert-save")
@receiver(post_delete, sender="courses.Certification", dispatch_uid="courses.cert-del")
@receiver(post_save, sender="accounts.Firm", dispatch_uid="courses.firm-save")
def forget_cached_certifications(sender, instance, **kwargs):
    """The certification API caches per firm: drop it when the firm or one of its
    certifications changes."""
    from .selectors.registry import firm_certifications_forget

    if sender._meta.label == "accounts.Firm":
        firm_certifications_forget(org_number=instance.org_number)
    else:
        firm_certifications_forget(enrolment_id=instance.enrolment_id)
