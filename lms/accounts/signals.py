"""Role groups: permissions kept in step after every migrate; cached roles dropped
when a person's groups change.

Permissions only exist once `post_migrate` has run, so a data migration cannot
assign them on a fresh database; `sync_role_permissions` does, idempotently.
"""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_migrate
from django.dispatch import receiver

from .models import User
from .roles import Role
from .rules import ROLE_CACHE_KEY

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _permission(app_label: str, codename: str):
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


@receiver(post_migrate, dispatch_uid="accounts.sync_role_permissions")
def sync_role_permissions(sender, using="default", **kwargs):
    if sender.label != "accounts":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    # This runs before auth's own handler for later apps: create them all now.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    groups = {}
    for role in Role:
        groups[role], _created = Group.objects.using(using).get_or_create(
            name=role.value
        )
    access_admin = _permission(*ADMIN_ACCESS)
    if access_admin is not None:
        groups[Role.EDITOR].permissions.add(access_admin)
    groups[Role.ADMINISTRATOR].permissions.set(Permission.objects.using(using).all())


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts.forget_roles")
def forget_roles(sender, instance, action, pk_set=None, **kwargs):
    """A person's cached roles go when their groups change (either side of it)."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, User):
        user_ids = [instance.pk]
    else:  # a group whose members changed
        user_ids = list(pk_set or instance.user_set.values_list("pk", flat=True))
    cache.delete_many([ROLE_CACHE_KEY.format(pk) for pk in user_ids])
