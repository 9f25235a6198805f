from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_certification_holder_name"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="certification",
            constraint=models.CheckConstraint(
                condition=~Q(holder_name=""), name="certification_has_holder_name"
            ),
        ),
    ]
