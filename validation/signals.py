"""Programme owners (the panel that approves units) keep units and pathways in
Wagtail's admin; their permissions are granted after every migrate."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate, dispatch_uid="validation.grant_unit_permissions")
def grant_unit_permissions(sender, using="default", **kwargs):
    if sender.label != "validation":
        return
    from lms.accounts.roles import Role
    from lms.accounts.signals import grant_model_permissions

    grant_model_permissions(
        app_label="validation",
        models=["unit", "pathway"],
        roles=(Role.PROGRAMME_OWNER,),
        using=using,
    )
