"""Demo placements for `seed_demo`, made through the services.

At the demo firm (Askerbakeriet AS) deltaker@ (Sara Haugen) is the workplace
mentor, in training, of three trainees:

- praksis@ (Mina Johansen), on a work trial for five weeks: the introduction is
  partly ticked, the work plan (goals linked to the café and kitchen unit) is
  agreed, one evaluation is confirmed, and a validation case on ARB-K1 is
  collecting evidence with validerer@ as assessor and Sara's observation record;
- Hanne Lund, whose wage-subsidy placement ended two months ago in a job, so the
  firm's yearly follow-up (due for kontakt@) is pre-filled with it;
- Ola, invited yesterday and not yet answered (the invitation link is in the
  mail printed by the console e-mail backend).

Creates what is missing, never edits: a trainee's placement is made once.
"""

from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from lms.accounts import services as accounts
from lms.accounts.demo import DEMO_FIRM_ORG_NUMBER, DEMO_PASSWORD, demo_email
from lms.accounts.models import Firm, User
from results.categories import Arrangement
from validation.models import EvidenceKind, Unit, UnitStatus
from validation.services.portfolio import evidence_add

from .models import Outcome, Placement, Progress
from .services import evaluations, introduction, placements, validation, work_plan

BASE_URL = "http://127.0.0.1:8000"
SUPPORT = "NAV Asker"

# (e-mail local part, first name, last name); None: invited, no account yet.
TRAINEES = {
    "active": ("praksis", "Mina", "Johansen"),
    "ended": ("hanne.praksis", "Hanne", "Lund"),
    "invited": ("ola.praksis", "Ola", None),
}

GOALS = [
    ("Følge hygienerutinene på kjøkkenet hver dag.", ["1.1", "1.2"]),
    ("Servere kundene i kafeen og rydde bordene.", ["3.1", "3.2"]),
    ("Komme presis og si fra tidlig hvis jeg blir syk.", []),
]
TASKS = [
    (1, "Bli kjent med bakeriet og rutinene."),
    (1, "Rydde og vaske ned kafeen etter stengetid sammen med Sara."),
    (2, "Fylle på i disken om morgenen."),
    (2, "Ta imot betaling med veiledning."),
    (3, "Steke bakst etter oppskrift med veiledning."),
]


def ensure_default_introduction() -> None:
    """The default checklist of the data migration, put back when missing (a
    flushed test database, or an editor deleted it)."""
    migration = import_module("placements.migrations.0002_default_introduction")
    migration.create_default(apps, None)


def _person(local_part: str, first_name: str, last_name: str) -> User:
    email = demo_email(local_part)
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = accounts.user_create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    return user


def _create(*, firm, mentor, key, arrangement, starts_on, weeks):
    local_part, first_name, _last_name = TRAINEES[key]
    return placements.placement_create(
        firm=firm,
        mentor=mentor,
        mentor_in_training=True,
        invited_name=first_name,
        invited_email=demo_email(local_part),
        arrangement=arrangement,
        starts_on=starts_on,
        planned_end_on=starts_on + timedelta(weeks=weeks),
        supporting_organisation=SUPPORT,
        by=mentor,
        base_url=BASE_URL,
    )


def _accept(token: str, key: str) -> Placement:
    local_part, first_name, last_name = TRAINEES[key]
    trainee = _person(local_part, first_name, last_name)
    return placements.placement_invitation_accept(token=token, user=trainee)


def _seed_active(firm, mentor, today) -> None:
    placement, token = _create(
        firm=firm,
        mentor=mentor,
        key="active",
        arrangement=Arrangement.WORK_TRIAL,
        starts_on=today - timedelta(weeks=5),
        weeks=12,
    )
    placement = _accept(token, "active")
    trainee = placement.trainee
    items = list(placement.introduction_items.order_by("position", "pk"))
    introduction.introduction_tick(
        placement=placement, ticked={item.pk: True for item in items}, by=mentor
    )
    introduction.introduction_tick(
        placement=placement,
        ticked={item.pk: True for item in items[: len(items) * 2 // 3]},
        by=trainee,
    )
    unit = Unit.objects.filter(code="ARB-K1", status=UnitStatus.APPROVED).first()
    criteria = {}
    if unit is not None:
        for outcome in unit.outcomes.prefetch_related("criteria"):
            for criterion in outcome.criteria.all():
                criteria[criterion.label] = criterion
    work_plan.work_plan_update(
        placement=placement,
        goals=[
            {"pk": None, "text": text, "criteria": [criteria[c] for c in labels]}
            for text, labels in GOALS
            if all(c in criteria for c in labels)
        ],
        tasks=[{"week": week, "text": text} for week, text in TASKS],
        support_agreed=(
            "Sara er fast veileder. Kortere dager (09–14) de første to ukene. "
            "Oppfølging fra NAV Asker hver fjerde uke."
        ),
        by=mentor,
    )
    work_plan.work_plan_agree(placement=placement, by=trainee)
    goals = list(placement.goals.order_by("position", "pk"))
    progress_levels = [Progress.UNDER_WAY, Progress.NEARLY, Progress.REACHED]
    evaluation = evaluations.evaluation_create(
        placement=placement,
        held_on=today - timedelta(weeks=1),
        went_well="Mina er blid med kundene og lærer kassen raskt.",
        to_change="Spør oftere når noe er uklart, i stedet for å vente.",
        progress={
            goal.pk: (progress_levels[i % len(progress_levels)], "")
            for i, goal in enumerate(goals)
        },
        by=mentor,
    )
    evaluations.evaluation_respond(
        evaluation=evaluation, response="confirmed", comment="", by=trainee
    )
    assessor = User.objects.filter(email=demo_email("validerer")).first()
    if unit is not None and assessor is not None:
        case = validation.placement_validation_start(
            placement=placement, unit=unit, assessor=assessor, by=mentor
        )
        evidence_add(
            case=case,
            by=mentor,
            kind=EvidenceKind.OBSERVATION,
            title="Observasjon på kjøkkenet",
            text=(
                "Mina vasket hendene da hun kom og etter pausen, uten å bli "
                "minnet på det, hver dag denne uka."
            ),
            criteria=[criteria["1.1"]],
        )


def _seed_ended(firm, mentor, today) -> None:
    placement, token = _create(
        firm=firm,
        mentor=mentor,
        key="ended",
        arrangement=Arrangement.WAGE_SUBSIDY,
        starts_on=today - timedelta(weeks=34),
        weeks=26,
    )
    placement = _accept(token, "ended")
    placements.placement_end(
        placement=placement,
        ended_on=today - timedelta(weeks=8),
        outcome=Outcome.EMPLOYED,
        by=mentor,
    )


def _seed_invited(firm, mentor, today) -> None:
    _create(
        firm=firm,
        mentor=mentor,
        key="invited",
        arrangement=Arrangement.APPRENTICESHIP,
        starts_on=today + timedelta(days=7),
        weeks=52,
    )


SEEDERS = {"active": _seed_active, "ended": _seed_ended, "invited": _seed_invited}


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    """The demo firm's three placements, each made once; returns how many were new."""
    firm = Firm.objects.filter(org_number=DEMO_FIRM_ORG_NUMBER).first()
    mentor = User.objects.filter(email=demo_email("deltaker")).first()
    created = 0
    ensure_default_introduction()
    if firm is not None and mentor is not None:
        today = timezone.localdate()
        for key, seeder in SEEDERS.items():
            email = demo_email(TRAINEES[key][0])
            if Placement.objects.filter(invited_email__iexact=email).exists():
                continue
            seeder(firm, mentor, today)
            created += 1
    if stdout is not None:
        stdout.write(f"placements: {created} new placements")
    return {"placements": created}
