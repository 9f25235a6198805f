"""Demo people and firms for `seed_demo`. Fictional; the organisation numbers only
pass the check digit. Creates what is missing and never overwrites later changes."""

from django.db import transaction

from . import services
from .models import Firm, Industry, Membership, SizeBand, User
from .roles import Role

DEMO_PASSWORD = "Sosial-Profil-2026"  # noqa: S105 - demo only, shown in the README
DEMO_DOMAIN = "demo.sosialprofil.no"

# (role, e-mail local part, first name, last name)
DEMO_PEOPLE = [
    (Role.PARTICIPANT, "deltaker", "Sara", "Haugen"),
    (Role.FIRM_CONTACT, "kontakt", "Tor", "Bakke"),
    (Role.COURSE_LEADER, "kursleder", "Ingrid", "Solberg"),
    (Role.CANDIDATE, "kandidat", "Ali", "Hassan"),
    (Role.ASSESSOR, "validerer", "Marit", "Lie"),
    (Role.INTERNAL_VERIFIER, "kvalitetssikrer", "Jonas", "Berg"),
    (Role.EXTERNAL_MODERATOR, "moderator", "Eva", "Strand"),
    (Role.EDITOR, "redaktor", "Nina", "Dahl"),
    (Role.PROGRAMME_OWNER, "programeier", "Per", "Holm"),
    (Role.ADMINISTRATOR, "admin", "Anne", "Admin"),
]

# (name, organisation number, municipality, industry, size band, description)
DEMO_FIRMS = [
    (
        "Askerbakeriet AS",
        "914035171",
        "Asker",
        Industry.MANUFACTURING,
        SizeBand.S10_19,
        "Bakeri og konditori i Asker sentrum. Har tatt inn lærlinger og "
        "arbeidstrening i samarbeid med NAV i mange år.",
    ),
    (
        "Heggedal Rør og Varme AS",
        "921874200",
        "Asker",
        Industry.CONSTRUCTION,
        SizeBand.S20_49,
        "Rørleggerbedrift med oppdrag i hele Vestviken.",
    ),
    (
        "Slemmestad Sveis og Mek AS",
        "930567817",
        "Asker",
        Industry.MANUFACTURING,
        SizeBand.S5_9,
        "Sveis, smie og reparasjoner for industri og private.",
    ),
    (
        "Vollen Båtservice AS",
        "918762345",
        "Asker",
        Industry.TRADE,
        SizeBand.S5_9,
        "Vinterlagring, service og salg av båtutstyr.",
    ),
    (
        "Sandvika Regnskapskontor AS",
        "926345192",
        "Bærum",
        Industry.PROFESSIONAL,
        SizeBand.S10_19,
        "Regnskap og lønn for små og mellomstore bedrifter.",
    ),
    (
        "Bærum Eiendomsdrift AS",
        "933109623",
        "Bærum",
        Industry.REAL_ESTATE,
        SizeBand.S20_49,
        "Vaktmester- og driftstjenester for borettslag.",
    ),
    (
        "Lierbyen Hagesenter AS",
        "915298737",
        "Lier",
        Industry.TRADE,
        SizeBand.S10_19,
        "Planteskole og hagesenter med sesongarbeid hver vår.",
    ),
    (
        "Drammen Kantine og Catering AS",
        "920753469",
        "Drammen",
        Industry.HOSPITALITY,
        SizeBand.S20_49,
        "Kantinedrift og catering for bedrifter i Drammensregionen.",
    ),
    (
        "Hole Gartneri AS",
        "916903588",
        "Hole",
        Industry.AGRICULTURE,
        SizeBand.S5_9,
        "Veksthus med grønnsaker og sommerblomster.",
    ),
    (
        "Røyken Bilverksted AS",
        "929518470",
        "Asker",
        Industry.TRADE,
        SizeBand.S5_9,
        "Bilverksted med EU-kontroll og dekkhotell.",
    ),
    (
        "Hurum Trelast AS",
        "931276042",
        "Asker",
        Industry.TRADE,
        SizeBand.S20_49,
        "Trelast og byggevarer for proffer og private.",
    ),
    (
        "Asker Renhold AS",
        "922222223",
        "Asker",
        Industry.SUPPORT,
        SizeBand.S50_99,
        "Renhold av kontorer, skoler og barnehager.",
    ),
]

# The demo participant and firm contact both work here.
DEMO_FIRM_ORG_NUMBER = "914035171"

# Colleagues in the other firms of the upcoming demo run (they joined after
# the first cohort): (organisation number, e-mail local part, first name, last
# name, is the firm's contact).
DEMO_MEMBERS = [
    ("930567817", "kontakt.slemmestad", "Kari", "Moen", True),
    ("930567817", "deltaker.slemmestad", "Ole", "Lunde", False),
    ("918762345", "kontakt.vollen", "Lise", "Aas", True),
    ("918762345", "deltaker.vollen", "Emil", "Vik", False),
    ("933109623", "kontakt.baerum", "Hans", "Rud", True),
]

# Someone who signed up with the demo firm's organisation number: their request
# to join waits on the firm page of the demo contact.
DEMO_CLAIMANT = ("soker", "Lars", "Nilsen")
DEMO_CLAIM_MESSAGE = (
    "Hei! Jeg har begynt som daglig leder etter Tor og skal følge opp "
    "inkluderingsplanen videre."
)


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    """Create the demo firms and one person per role; returns how many were new."""
    created = {"firms": 0, "people": 0}
    for name, org_number, municipality, industry, size_band, text in DEMO_FIRMS:
        if not Firm.objects.filter(org_number=org_number).exists():
            services.firm_create(
                name=name,
                org_number=org_number,
                municipality=municipality,
                industry=industry,
                size_band=size_band,
                public_description=text,
            )
            created["firms"] += 1
    demo_firm = Firm.objects.get(org_number=DEMO_FIRM_ORG_NUMBER)

    for role, local_part, first_name, last_name in DEMO_PEOPLE:
        email = demo_email(local_part)
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            continue
        user = services.user_create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        created["people"] += 1
        if role is Role.ADMINISTRATOR:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
            services.role_grant(user=user, role=role)
        elif role in (Role.PARTICIPANT, Role.FIRM_CONTACT):
            if not Membership.objects.filter(user=user, firm=demo_firm).exists():
                services.membership_add(
                    firm=demo_firm, user=user, is_contact=role is Role.FIRM_CONTACT
                )
        else:
            services.role_grant(user=user, role=role)
    created["people"] += _seed_members()
    created["people"] += _seed_claim(demo_firm)
    if stdout is not None:
        stdout.write(
            f"accounts: {created['firms']} new firms, {created['people']} new people"
        )
    return created


def _seed_claim(firm: Firm) -> int:
    """One pending request to join the demo firm; 1 if its person was new."""
    from .models import FirmClaim
    from .signup.services import claim_create

    local_part, first_name, last_name = DEMO_CLAIMANT
    email = demo_email(local_part)
    person = User.objects.filter(email__iexact=email).first()
    new = person is None
    if new:
        person = services.user_create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    if not FirmClaim.objects.filter(firm=firm, person=person).exists():
        claim_create(firm=firm, person=person, message=DEMO_CLAIM_MESSAGE)
    return int(new)


def _seed_members() -> int:
    """The other demo firms' people (`DEMO_MEMBERS`); how many were new."""
    new = 0
    for org_number, local_part, first_name, last_name, is_contact in DEMO_MEMBERS:
        email = demo_email(local_part)
        if User.objects.filter(email__iexact=email).exists():
            continue
        user = services.user_create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        services.membership_add(
            firm=Firm.objects.get(org_number=org_number),
            user=user,
            is_contact=is_contact,
        )
        new += 1
    return new
