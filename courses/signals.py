"""Editors and course leaders keep the question bank and quizzes in the Wagtail
admin; their permissions are granted after every migrate."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

QUIZ_MODELS = ["question", "choice", "quiz", "quizquestion"]


@receiver(post_migrate, dispatch_uid="courses.grant_quiz_permissions")
def grant_quiz_permissions(sender, using="default", **kwargs):
    if sender.label != "courses":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from lms.accounts.roles import Role

    # Our handler may run before auth's for this app: make sure they exist.
    create_permissions(apps.get_app_config("courses"), verbosity=0, using=using)

    quiz_permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="courses",
            content_type__model__in=QUIZ_MODELS,
        )
    )
    access_admin = Permission.objects.using(using).filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for role in (Role.EDITOR, Role.COURSE_LEADER):
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        group.permissions.add(*quiz_permissions, *access_admin)
