"""Keep cached navigation and content fresh, and give editors their permissions."""

from django.db.models.signals import m2m_changed, post_migrate
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_content_version, bump_content_version_on_change

# Publish, unpublish, move, delete, privacy and snippet changes all drop the
# cached content (cms.cache). Page saves cover drafts and deletes cover removal.
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(bump_content_version, dispatch_uid=f"cms.bump.{id(signal)}")

bump_content_version_on_change(
    "wagtailcore.Page",
    "wagtailcore.PageViewRestriction",
    "cms.Measure",
    "cms.Provider",
    "cms.TargetGroup",
    "cms.CustomImage",
)

m2m_changed.connect(
    bump_content_version,
    sender="wagtailcore.PageViewRestriction_groups",
    dispatch_uid="cms.restriction-groups",
)


@receiver(post_migrate, dispatch_uid="cms.grant_editor_permissions")
def grant_editor_permissions(sender, using="default", **kwargs):
    """Editors manage the measure catalogue and the images, whatever the database."""
    if sender.label != "cms":
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission

    from lms.accounts.roles import Role

    # Our handler may run before auth's for this app: make sure they exist.
    create_permissions(apps.get_app_config("cms"), verbosity=0, using=using)

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
