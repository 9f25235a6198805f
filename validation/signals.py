"""Programme owners (the panel that approves units) keep units and pathways in
Wagtail's admin; their permissions are granted after every migrate."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate, dispatch_uid="validation.grant_unit_permissions")
def grant_unit_permissions(sender, using="default", **kwargs):
    if sender.label != "validation":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from lms.accounts.roles import Role

    create_permissions(apps.get_app_config("validation"), verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="validation",
        content_type__model__in=["unit", "pathway"],
    )
    access_admin = Permission.objects.using(using).filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group, _created = Group.objects.using(using).get_or_create(
        name=Role.PROGRAMME_OWNER.value
    )
    group.permissions.add(*permissions, *access_admin)
