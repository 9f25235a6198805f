"""Create one group per role of PRODUCT.md. Their permissions are kept in step
after every migrate by `lms.accounts.signals.sync_role_permissions`."""

from django.db import migrations

ROLE_GROUPS = [
    "Participants",
    "Firm contacts",
    "Course leaders",
    "Candidates",
    "Assessors",
    "Internal verifiers",
    "External moderators",
    "Editors",
    "Programme owners",
    "Administrators",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    # "Editors" belongs to Wagtail's own initial data; leave it.
    Group.objects.filter(name__in=ROLE_GROUPS).exclude(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
