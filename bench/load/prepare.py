"""`make load`, step 2: people and records for the load test in the freshly
seeded database.

    python -m bench.load.prepare OUT.json

Adds, through the project's services (people, firms, memberships and
certifications in bulk, as bench/data.py writes them):

- `LOAD_PARTICIPANTS` (300) participants to the accepted firms of the demo run
  and four more course leaders of that run;
- validation: CANDIDATES candidates with a case each on a demo unit (collecting
  evidence, one piece in it), and ASSESSORS assessors with ASSESS_POOL submitted
  cases each (evidence on every criterion, no decision yet): the load decides
  and confirms each case once, so the pool bounds what it changes;
- follow-up: CONTACTS firms, each with its contact and a certification that
  expires in 30 days (the yearly follow-up is due: filed once, then corrected);
- placements: MENTORS mentors in those firms with TRAINEES_PER_MENTOR active
  trainees each (introduction partly ticked, an agreed work plan, one
  evaluation).

Every account has the password below hashed by the production hasher (once,
then shared: the hash is as strong as any, only the setup is quick). Writes
what the Locust users need (accounts, lessons, quizzes, codes, sessions, cases,
certifications, placements) to OUT.json.
"""

import json
import os
import sys

import django

django.setup()

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

PASSWORD = "Load-test-2026-passord"  # a throwaway load-test database
LEADERS = 4
CANDIDATES = 40
CANDIDATE_UNIT = "AM-02"
ASSESSORS = 12
ASSESS_POOL = 20
ASSESS_UNIT = "ARB-R1"
CONTACTS = 30
MENTORS = 20
TRAINEES_PER_MENTOR = 2


def _people(prefix: str, count: int, password: str, role, last_name: str) -> list:
    """`count` people load-<prefix>-<n>@example.no with `role`, in bulk."""
    from django.contrib.auth.models import Group

    from lms.accounts.models import User

    User.objects.bulk_create(
        User(
            email=f"load-{prefix}-{n}@example.no",
            first_name="Last",
            last_name=f"{last_name} {n}",
            password=password,
        )
        for n in range(count)
    )
    people = list(
        User.objects.filter(email__startswith=f"load-{prefix}-").order_by("pk")
    )
    if role is not None:
        Group.objects.get_or_create(name=role.value)[0].user_set.add(*people)
    return people


@transaction.atomic
def prepare(participants: int) -> dict:
    from cms.models import (
        FirmRegistryPage,
        LessonPage,
        MeasureCatalogPage,
        TargetGroup,
        ToolboxAreaPage,
    )
    from courses.codes import format_code
    from courses.demo import RUN_TITLE
    from courses.models import Certification, CourseRun, EnrolmentStatus, Quiz
    from lms.accounts import services as accounts
    from lms.accounts.demo import DEMO_PASSWORD, demo_email
    from lms.accounts.models import Membership, User
    from lms.accounts.roles import Role

    run = CourseRun.objects.get(title=RUN_TITLE)
    enrolments = list(
        run.enrolments.filter(status=EnrolmentStatus.ACCEPTED).select_related("firm")
    )
    password = make_password(PASSWORD)
    User.objects.bulk_create(
        User(
            email=f"load-{n}@example.no",
            first_name="Last",
            last_name=f"Deltaker {n}",
            password=password,
        )
        for n in range(participants)
    )
    people = list(User.objects.filter(email__startswith="load-").order_by("pk"))
    Membership.objects.bulk_create(
        Membership(firm=enrolments[n % len(enrolments)].firm, user=person)
        for n, person in enumerate(people)
    )
    group = Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]
    group.user_set.add(*people)
    for n, enrolment in enumerate(enrolments):
        enrolment.participants.add(*people[n :: len(enrolments)])
    leaders = [demo_email("kursleder")]
    for n in range(LEADERS):
        leader = User.objects.create(
            email=f"load-leader-{n}@example.no",
            first_name="Last",
            last_name=f"Kursleder {n}",
            password=password,
        )
        accounts.role_grant(user=leader, role=Role.COURSE_LEADER)
        run.leaders.add(leader)
        leaders.append(leader.email)

    validation = _validation(password)
    follow_up = _follow_up(password, leaders=run.leaders.all())
    placements = _placements(password, firms=follow_up.pop("firms"))

    lessons = [
        {"id": lesson.pk, "url": lesson.url}
        for lesson in LessonPage.objects.live().public().order_by("path")
    ]
    group_slugs = list(TargetGroup.objects.values_list("slug", flat=True))
    catalogue = MeasureCatalogPage.objects.live().first().url
    codes = [
        format_code(code)
        for code in Certification.objects.filter(revoked_at__isnull=True).values_list(
            "code", flat=True
        )
    ]
    return {
        "password": PASSWORD,
        "participants": [person.email for person in people],
        "leaders": [
            {"email": email, "password": DEMO_PASSWORD if n == 0 else PASSWORD}
            for n, email in enumerate(leaders)
        ],
        "run": run.pk,
        "sessions": list(
            run.sessions.order_by("starts_at").values_list("pk", flat=True)
        ),
        "attendees": list(
            User.objects.filter(enrolments__run=run).values_list("pk", flat=True)
        ),
        "lessons": lessons,
        "areas": [area.url for area in ToolboxAreaPage.objects.live().order_by("path")],
        "catalogue": [f"{catalogue}?target_group={slug}" for slug in group_slugs]
        + [catalogue],
        "registry": FirmRegistryPage.objects.live().first().url,
        "quizzes": list(Quiz.objects.order_by("key").values_list("key", flat=True)),
        "codes": codes,
        **validation,
        **follow_up,
        **placements,
        "programme_owner": demo_email("programeier"),
        "demo_password": DEMO_PASSWORD,
    }


def _validation(password: str) -> dict:
    """The candidates' collecting cases and the assessors' submitted cases."""
    from lms.accounts.demo import demo_email
    from lms.accounts.models import User
    from lms.accounts.roles import Role
    from validation.models import (
        AssessmentCriterion,
        Case,
        CaseStatus,
        EvidenceKind,
        Unit,
        UnitStatus,
        ValidationCertificate,
    )
    from validation.services import cases, portfolio
    from validation.services.cases import CaseAction

    def unit_and_criteria(code):
        unit = Unit.objects.get(code=code, status=UnitStatus.APPROVED)
        criteria = list(
            AssessmentCriterion.objects.filter(outcome__unit=unit).order_by(
                "outcome__number", "number"
            )
        )
        return unit, criteria

    def evidence(case, by, criteria, title):
        return portfolio.evidence_add(
            case=case,
            by=by,
            kind=EvidenceKind.REFLECTION,
            title=title,
            text="Slik tok jeg imot og fulgte opp en ny kollega denne uka. " * 4,
            criteria=criteria,
        )

    demo_assessor = User.objects.get(email=demo_email("validerer"))
    unit, criteria = unit_and_criteria(CANDIDATE_UNIT)
    candidates = []
    people = _people("candidate", CANDIDATES, password, Role.CANDIDATE, "Kandidat")
    for person in people:
        case = cases.case_create(
            candidate=person, unit=unit, assessor=demo_assessor, by=demo_assessor
        )
        evidence(case, person, criteria[:2], "Refleksjonsnotat: første uke")
        candidates.append(
            {
                "email": person.email,
                "case": case.pk,
                "criteria": [criterion.pk for criterion in criteria],
            }
        )

    unit, criteria = unit_and_criteria(ASSESS_UNIT)
    assessors = _people("assessor", ASSESSORS, password, Role.ASSESSOR, "Validerer")
    submitters = iter(
        _people(
            "submitter", ASSESSORS * ASSESS_POOL, password, Role.CANDIDATE, "Kandidat"
        )
    )
    pools = []
    for assessor in assessors:
        pool = []
        for _n in range(ASSESS_POOL):
            person = next(submitters)
            case = cases.case_create(
                candidate=person, unit=unit, assessor=assessor, by=assessor
            )
            piece = evidence(case, person, criteria, "Refleksjonsnotat: hele enheten")
            case.refresh_from_db()
            cases.case_transition(
                case=case,
                action=CaseAction.SUBMIT,
                by=person,
                expected_version=case.version,
            )
            pool.append({"case": case.pk, "evidence": [piece.pk]})
        pools.append({"email": assessor.email, "cases": pool})
    waiting = Case.objects.filter(
        assessor__in=assessors, status=CaseStatus.SUBMITTED
    ).count()
    if waiting != ASSESSORS * ASSESS_POOL:
        raise RuntimeError(f"{waiting} submitted cases, not {ASSESSORS * ASSESS_POOL}")
    return {
        "candidates": candidates,
        "assessors": pools,
        "assess_criteria": [criterion.pk for criterion in criteria],
        "validation_codes": [
            certificate.formatted_code
            for certificate in ValidationCertificate.objects.filter(
                revoked_at__isnull=True
            )
        ],
    }


def _org_numbers(count: int) -> list[str]:
    """Valid organisation numbers no demo firm has (they start with 96)."""
    from lms.accounts.validators import org_number_check_digit

    base, numbers = 96_000_000, []
    while len(numbers) < count:
        digit = org_number_check_digit(str(base))
        if digit is not None:
            numbers.append(f"{base}{digit}")
        base += 1
    return numbers


def _follow_up(password: str, *, leaders) -> dict:
    """CONTACTS certified firms, each with its contact, their follow-up due."""
    from datetime import timedelta

    from django.utils import timezone

    from courses.codes import new_code
    from courses.models import (
        Certification,
        Course,
        CourseRun,
        Enrolment,
        EnrolmentStatus,
        RunStatus,
    )
    from courses.services.certification import add_months
    from lms.accounts.models import Firm, Membership
    from lms.accounts.roles import Role

    today = timezone.localdate()
    leaders = list(leaders)
    run = CourseRun.objects.create(
        course=Course.objects.order_by("pk").first(),
        title="Last – sertifiserte bedrifter",
        municipality="Asker",
        enrolment_deadline=add_months(today, -12) - timedelta(days=60),
        status=RunStatus.FINISHED,
    )
    run.leaders.set(leaders)
    firms = Firm.objects.bulk_create(
        Firm(
            name=f"Lastfirma {n} AS",
            org_number=org,
            municipality=["Asker", "Bærum", "Lier", "Drammen"][n % 4],
            industry="C",
            size_band="5-9",
        )
        for n, org in enumerate(_org_numbers(CONTACTS))
    )
    firms = list(Firm.objects.filter(name__startswith="Lastfirma ").order_by("pk"))
    contacts = _people("contact", CONTACTS, password, Role.FIRM_CONTACT, "Kontakt")
    Membership.objects.bulk_create(
        Membership(firm=firm, user=person, is_contact=True)
        for firm, person in zip(firms, contacts, strict=True)
    )
    Enrolment.objects.bulk_create(
        Enrolment(run=run, firm=firm, status=EnrolmentStatus.ACCEPTED) for firm in firms
    )
    valid_until = today + timedelta(days=30)
    Certification.objects.bulk_create(
        Certification(
            enrolment=enrolment,
            holder_name=enrolment.firm.name,
            code=new_code(),
            issued_on=add_months(valid_until, -12),
            valid_until=valid_until,
            issued_by=leaders[0],
            override_reason="Lasttest.",
        )
        for enrolment in Enrolment.objects.filter(run=run)
        .select_related("firm")
        .order_by("firm_id")
    )
    certification_of = dict(
        Certification.objects.filter(enrolment__run=run).values_list(
            "enrolment__firm_id", "pk"
        )
    )
    return {
        "firms": firms,
        "contacts": [
            {"email": person.email, "certification": certification_of[firm.pk]}
            for firm, person in zip(firms, contacts, strict=True)
        ],
        "follow_up_run": run.pk,
    }


def _placements(password: str, *, firms) -> dict:
    """MENTORS mentors (one per firm, round the firms) with active trainees."""
    from bench.placements import active_placement
    from lms.accounts.models import Membership
    from lms.accounts.roles import Role

    mentors = _people("mentor", MENTORS, password, Role.PARTICIPANT, "Mentor")
    Membership.objects.bulk_create(
        Membership(firm=firms[n % len(firms)], user=person)
        for n, person in enumerate(mentors)
    )
    trainees = iter(
        _people(
            "trainee", MENTORS * TRAINEES_PER_MENTOR, password, None, "Praksiskandidat"
        )
    )
    mentor_rows, trainee_rows = [], []
    for n, mentor in enumerate(mentors):
        theirs = []
        for _k in range(TRAINEES_PER_MENTOR):
            trainee = next(trainees)
            placement, items, evaluation = active_placement(
                firm=firms[n % len(firms)], mentor=mentor, trainee=trainee
            )
            row = {
                "placement": placement.pk,
                "items": [item.pk for item in items],
                "evaluation": evaluation.pk,
            }
            theirs.append(row)
            trainee_rows.append({"email": trainee.email, **row})
        mentor_rows.append({"email": mentor.email, "placements": theirs})
    return {"mentors": mentor_rows, "trainees": trainee_rows}


def main() -> int:
    data = prepare(int(os.environ.get("LOAD_PARTICIPANTS", "300")))
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    print(
        f"load: {len(data['participants'])} participants, {len(data['leaders'])} "
        f"leaders, {len(data['lessons'])} lessons, {len(data['codes'])} codes, "
        f"{len(data['candidates'])} candidates, {len(data['assessors'])} assessors, "
        f"{len(data['contacts'])} firm contacts, {len(data['mentors'])} mentors, "
        f"{len(data['trainees'])} trainees"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
