"""Certifications keep the firm's name as certified (defect 16); existing ones
get the firm's current name, the best record there is of the name at issue.
The constraint that it is never empty follows in 0005: PostgreSQL refuses to
alter a table with pending trigger events from the update in one transaction."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_holder_names(apps, schema_editor):
    Certification = apps.get_model("courses", "Certification")
    Firm = apps.get_model("accounts", "Firm")
    Certification.objects.filter(holder_name="").update(
        holder_name=Subquery(
            Firm.objects.filter(enrolments__pk=OuterRef("enrolment_id")).values("name")[
                :1
            ]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("courses", "0003_certification"),
    ]

    operations = [
        migrations.AddField(
            model_name="certification",
            name="holder_name",
            field=models.CharField(
                default="", max_length=200, verbose_name="name on the certificate"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_holder_names, migrations.RunPython.noop),
    ]
