"""Drop cached navigation when the page tree changes."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_migrate
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from .selectors import CATALOGUE_URL_CACHE_KEY, MAIN_MENU_CACHE_KEY


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_main_menu(**kwargs):
    cache.delete_many([MAIN_MENU_CACHE_KEY, CATALOGUE_URL_CACHE_KEY])


@receiver(post_delete, sender="wagtailcore.Page")
def clear_main_menu_on_delete(**kwargs):
    cache.delete_many([MAIN_MENU_CACHE_KEY, CATALOGUE_URL_CACHE_KEY])


@receiver(post_migrate, dispatch_uid="cms.grant_editor_permissions")
def grant_editor_permissions(sender, using="default", **kwargs):
    """Editors manage the measure catalogue and the images, whatever the database."""
    if sender.label != "cms":
        return
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission

    from lms.accounts.roles import Role

    editors, _created = Group.objects.using(using).get_or_create(name=Role.EDITOR.value)
    catalogue = Permission.objects.filter(
        content_type__app_label="cms",
        content_type__model__in=["measure", "provider", "targetgroup"],
    )
    editors.permissions.add(*catalogue)
    root = Collection.get_first_root_node()
    if root is None:
        return
    image_permissions = Permission.objects.filter(
        content_type__app_label="cms",
        codename__in=["add_customimage", "change_customimage", "choose_image"],
    )
    for permission in image_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root, permission=permission
        )
