"""Role groups: permissions kept in step after every migrate; a person's roles
read afresh once their groups change.

Permissions only exist once `post_migrate` has run, so a data migration cannot
assign them on a fresh database; `sync_role_permissions` does, idempotently.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_migrate, post_save
from django.dispatch import receiver

from .models import User
from .roles import Role
from .rules import forget_role_names

ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _permission(app_label: str, codename: str):
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def grant_model_permissions(
    *, app_label: str, models, roles, using="default", admin_access=True
):
    """Give `roles` every permission on `models` of `app_label` (and, with
    `admin_access`, Wagtail's admin), creating the app's permissions first: an
    app's `post_migrate` handler may run before auth's for that app. Idempotent."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label=app_label, content_type__model__in=models
        )
    )
    if admin_access:
        permissions += Permission.objects.using(using).filter(
            content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1]
        )
    groups = []
    for role in roles:
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        group.permissions.add(*permissions)
        groups.append(group)
    return groups


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
def forget_roles(sender, instance, action, **kwargs):
    """A user object whose groups changed reads them again when next asked.

    Roles are never cached beyond one request (`rules.role_names`), so other
    requests and other processes need nothing dropped."""
    if action.startswith("post_") and isinstance(instance, User):
        forget_role_names(instance)


# --- Wagtail's admin speaks the person's language ---------------------------------
# Wagtail picks the admin's language from its own profile (`preferred_language`);
# without one it falls back to the language of the request, which a
# language-switcher cookie can set. The person's `language` is the one choice:
# it is copied to the profile whenever it is saved, and a choice made on
# Wagtail's own account page is copied back.


@receiver(post_save, sender=User, dispatch_uid="accounts.admin_language")
def keep_admin_language(sender, instance, created, update_fields=None, **kwargs):
    if update_fields is not None and "language" not in update_fields:
        return  # e.g. the login's last_login: the language is unchanged
    if instance.is_anonymised:
        return  # erased with the rest of the person's data (personal_data)
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=instance, defaults={"preferred_language": instance.language}
    )


@receiver(
    post_save, sender="wagtailusers.UserProfile", dispatch_uid="accounts.from_admin"
)
def take_language_from_admin(sender, instance, **kwargs):
    from django.conf import settings

    language = instance.preferred_language
    if language in dict(settings.LANGUAGES):
        # `update()`: no post_save, so the two receivers never call each other.
        User.objects.filter(pk=instance.user_id).exclude(language=language).update(
            language=language
        )
