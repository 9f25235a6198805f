"""Demo units and pathways for `seed_demo`: created when missing, never changed."""

from django.contrib.auth import get_user_model
from django.db import transaction

from lms.accounts.demo import demo_email

from .demo_content.units import PATHWAYS, UNITS
from .models import Pathway, Unit
from .services.units import unit_approve, unit_create_draft


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    owner = get_user_model().objects.filter(email=demo_email("programeier")).first()
    created = 0
    for code, title, level, credits, purpose, evidence, outcomes in UNITS:
        if Unit.objects.filter(code=code).exists():
            continue
        unit = unit_create_draft(
            code=code,
            title=title,
            level=level,
            credits=credits,
            purpose=purpose,
            suggested_evidence=evidence,
            outcomes=[
                (number, text, list(enumerate(criteria, start=1)))
                for number, (text, criteria) in enumerate(outcomes, start=1)
            ],
        )
        if owner is not None:
            unit_approve(unit=unit, by=owner, note="Demo: godkjent av fagpanelet")
        created += 1
    for name, slug, credits, description, codes in PATHWAYS:
        pathway, made = Pathway.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "credits_required": credits,
                "description": description,
            },
        )
        if made:
            # A parental relation: written when the pathway is saved.
            pathway.units.set(Unit.objects.filter(code__in=codes, previous=None))
            pathway.save()
    if stdout is not None:
        stdout.write(f"validation: {created} units added")
    return {"units": created}
