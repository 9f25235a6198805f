"""Keep cached navigation and content fresh, and give editors their permissions."""

from django.db.models.signals import m2m_changed, post_migrate
from django.dispatch import receiver

from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from .cache import bump_content_version, bump_content_version_on_change

# Publish, unpublish, move, delete, privacy and snippet changes all drop the
# cached content (cms.cache). Page saves cover drafts and deletes cover removal;
# a new slug, like a move, also takes old addresses away (cms.frontend_cache).
for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
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
    from django.contrib.auth.models import Permission

    from wagtail.models import Collection, GroupCollectionPermission

    from lms.accounts.roles import Role
    from lms.accounts.signals import grant_model_permissions

    # Editors reach Wagtail's admin through lms.accounts' own grant.
    (editors,) = grant_model_permissions(
        app_label="cms",
        models=["measure", "provider", "targetgroup"],
        roles=(Role.EDITOR,),
        using=using,
        admin_access=False,
    )
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
