"""The default introduction checklist new placements start from.

Written in plain Norwegian bokmål for the trainee to read; editors change it in
the admin ("Introduction checklists"), and each firm adapts its own copy.
"""

from django.db import migrations

NAME = "Standard introduksjon"

# (topic, text) in the order the trainee reads them.
ITEMS = [
    ("first_day", "Du har møtt mentoren din og vet når du skal møte på jobb."),
    ("first_day", "Du har fått vist garderoben og hvor du kan spise."),
    ("workplace", "Du har fått en runde på arbeidsplassen og hilst på kollegene."),
    ("workplace", "Du vet hvilke oppgaver du skal gjøre den første uka."),
    ("workplace", "Du vet når du har pause, og når arbeidsdagen slutter."),
    ("safety", "Du vet hvor nødutgangene er, og hvor dere møtes hvis det brenner."),
    ("safety", "Du har fått vist hvordan du bruker utstyret trygt."),
    ("who_to_ask", "Du vet hvem du spør når du lurer på noe."),
    ("who_to_ask", "Du vet hvem du ringer hvis du er syk eller kommer for sent."),
    ("adjustments", "Du og mentoren har snakket om hva som gjør jobben lettere for deg."),
    ("adjustments", "Dere har avtalt når dere skal snakke sammen om hvordan det går."),
]


def create_default(apps, schema_editor):
    Template = apps.get_model("placements", "IntroductionTemplate")
    Item = apps.get_model("placements", "IntroductionTemplateItem")
    if Template.objects.filter(is_default=True).exists():
        return
    template = Template.objects.create(name=NAME, is_default=True)
    Item.objects.bulk_create(
        Item(template=template, sort_order=order, topic=topic, text=text)
        for order, (topic, text) in enumerate(ITEMS)
    )


def delete_default(apps, schema_editor):
    Template = apps.get_model("placements", "IntroductionTemplate")
    # Items go with it (CASCADE on the template).
    for template in Template.objects.filter(name=NAME, is_default=True):
        template.items.all().delete()
        template.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0001_placements"),
    ]

    operations = [
        migrations.RunPython(create_default, delete_default),
    ]
