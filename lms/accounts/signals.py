"""Keep the role groups' model permissions in step with the code, after every migrate.

Permissions only exist once `post_migrate` has run, so a data migration cannot
assign them on a fresh database; this does, idempotently.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import Role

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _permission(app_label: str, codename: str):
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


@receiver(post_migrate, dispatch_uid="accounts.sync_role_permissions")
def sync_role_permissions(sender, using="default", **kwargs):
    if sender.label != "accounts":
        return
    groups = {}
    for role in Role:
        groups[role], _created = Group.objects.using(using).get_or_create(
            name=role.value
        )
    access_admin = _permission(*ADMIN_ACCESS)
    if access_admin is not None:
        groups[Role.EDITOR].permissions.add(access_admin)
    groups[Role.ADMINISTRATOR].permissions.set(Permission.objects.using(using).all())
