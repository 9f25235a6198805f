"""The benchmark's fixture: the demo site plus one large course run.

A fresh database gets the demo (`seed_demo`: lessons of varying length with
internal links and measure references, the catalogue, the registry) and a run of
`firms` firms × 5 participants × 3 sessions × 30 lessons, every participant present
at every session and done with 12 lessons. Every other firm is certified, up to
20 (the registry and the verify page show them). The participant measured
has reflection notes and progress on the lesson measured, one quiz finished and one
half answered, a kursbevis, and a firm whose inclusion plan waits for review.

Results: every firm also took an earlier run ("Benchmark – tidligere kull"), was
certified there five years ago, filed a follow-up with figures every year and
renewed, and lapsed a few months ago (so the registry still shows only the
current run's firms); the dashboard and the public figures count its
`firms` × 5 reports. Measured as the programme owner and as a visitor.

Validation: an assessor with one planned case per firm (up to VALIDATION_QUEUE)
and a submitted case on a unit of 20 criteria with 100 pieces of evidence (every
criterion decided), whose candidate also has cases on the three demo units.

People, firms, enrolments, attendance, progress and the earlier run's
certifications, reports and figures are written in bulk so that
2,000 firms build in minutes; quizzes, notes, plans and certificates go through
the services, as the product makes them.
"""

import io
import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

PEOPLE_PER_FIRM = 5
LESSONS = 30
DONE_LESSONS = 12
CERTIFIED = 20
# The lesson measured: a demo lesson of middling length (about 820 words; the demo
# lessons run from about 340 to 1,460) with internal page links, three measure
# references and a reflection question (see cms/demo_content).
LESSON_SLUG = "malgruppe-innvandrere-utenfor-arbeidslivet"
# The validation case measured: 5 outcomes × 4 criteria, 100 pieces of evidence
# (every tenth a PDF), each mapped to three criteria.
BIG_UNIT_OUTCOMES, BIG_UNIT_CRITERIA, BIG_CASE_EVIDENCE = 5, 4, 100
VALIDATION_QUEUE = 200
# Years of follow-up reports per firm in the earlier run.
RESULT_YEARS = 5


@dataclass
class Fixture:
    run: object
    leader: object
    participant: object
    lesson: object
    session: object
    enrolment: object
    finished_attempt: object
    open_attempt: object
    course_certificate: object
    certification: object
    validation_assessor: object
    validation_candidate: object
    big_case: object
    programme_owner: object
    firms: int


STARTED = time.perf_counter()


def _note(text):
    print(f"# {time.perf_counter() - STARTED:4.0f} s {text}", file=sys.stderr)


def _empty_database():
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        connection.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db["NAME"] + suffix):
                os.remove(db["NAME"] + suffix)
    else:
        call_command("flush", interactive=False, verbosity=0)
    from django.core.files.storage import storages

    # Evidence files of an earlier run belong to the database just emptied.
    shutil.rmtree(storages["evidence"].location, ignore_errors=True)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())


def _lessons():
    from cms.models import LessonPage

    measured = LessonPage.objects.live().filter(slug=LESSON_SLUG).first()
    lessons = list(LessonPage.objects.live().order_by("path"))
    if measured is None:
        measured = lessons[0]
    lessons.remove(measured)
    lessons.insert(0, measured)
    template = lessons[-1]
    parent = template.get_parent()
    while len(lessons) < LESSONS:
        lessons.append(
            template.copy(
                to=parent,
                update_attrs={
                    "slug": f"bench-{len(lessons)}",
                    "title": f"Benchmark-leksjon {len(lessons)}",
                },
                keep_live=True,
            )
        )
    return lessons[:LESSONS]


def _org_numbers(count):
    from lms.accounts.validators import org_number_check_digit

    base, numbers = 930_000_000 // 10, []
    while len(numbers) < count:
        digit = org_number_check_digit(str(base))
        if digit is not None:
            numbers.append(f"{base}{digit}")
        base += 1
    return numbers


def build(firms: int) -> Fixture:
    from courses.models import (
        Attendance,
        Course,
        Enrolment,
        LessonProgress,
        Quiz,
        SessionTemplate,
    )
    from courses.services import certification, plans, progress, quizzes, runs
    from lms.accounts import services as accounts
    from lms.accounts.models import Firm, Membership, User
    from lms.accounts.roles import Role

    _empty_database()
    _note("migrated and seeded the demo")
    lessons = _lessons()
    lesson = lessons[0]

    leader = accounts.user_create(email="bench-leader@example.no", password="bench")
    accounts.role_grant(user=leader, role=Role.COURSE_LEADER)
    course = Course.objects.create(title="Benchmark", slug="benchmark")
    course.required_quizzes.set(Quiz.objects.order_by("key")[:2])
    for position in range(1, 4):
        template = SessionTemplate.objects.create(
            course=course, position=position, title=f"Samling {position}"
        )
        template.preparation_lessons.set(lessons[(position - 1) * 10 : position * 10])
    run = runs.run_create_from_course(
        course=course,
        title="Benchmark-kurs",
        municipality="Asker",
        capacity=firms,
        enrolment_deadline=timezone.localdate() + timedelta(days=5),
        first_session_starts_at=timezone.now() + timedelta(days=7),
        place="Asker",
        leaders=[leader],
    )
    sessions = list(run.sessions.order_by("starts_at"))

    # Firms, people, memberships and roles in bulk.
    firm_rows = Firm.objects.bulk_create(
        Firm(
            name=f"Bench {n} AS",
            org_number=org,
            municipality=["Asker", "Bærum", "Lier", "Drammen"][n % 4],
            industry="C",
            size_band="5-9",
        )
        for n, org in enumerate(_org_numbers(firms))
    )
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(
            email=f"bench-{n}-{p}@example.no",
            first_name=f"Deltaker{p}",
            last_name=f"Bench{n}",
            password=password,
        )
        for n in range(firms)
        for p in range(PEOPLE_PER_FIRM)
    )
    if users[0].pk is None:  # databases that return no ids from bulk inserts
        users = list(User.objects.filter(email__startswith="bench-").order_by("pk"))
    Membership.objects.bulk_create(
        Membership(firm=firm, user=users[n * PEOPLE_PER_FIRM + p], is_contact=p == 0)
        for n, firm in enumerate(firm_rows)
        for p in range(PEOPLE_PER_FIRM)
    )
    member_group = Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]
    contact_group = Group.objects.get_or_create(name=Role.FIRM_CONTACT.value)[0]
    UserGroup = User.groups.through
    UserGroup.objects.bulk_create(
        [UserGroup(user=user, group=member_group) for user in users]
        + [
            UserGroup(user=users[n * PEOPLE_PER_FIRM], group=contact_group)
            for n in range(firms)
        ]
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(run=run, firm=firm, status="accepted") for firm in firm_rows
    )
    if enrolments[0].pk is None:
        enrolments = list(Enrolment.objects.filter(run=run).order_by("pk"))
    Participant = Enrolment.participants.through
    Participant.objects.bulk_create(
        Participant(enrolment=enrolment, user=users[n * PEOPLE_PER_FIRM + p])
        for n, enrolment in enumerate(enrolments)
        for p in range(PEOPLE_PER_FIRM)
    )
    Attendance.objects.bulk_create(
        (
            Attendance(session=s, user=user, status="present", recorded_by=leader)
            for user in users
            for s in sessions
        ),
        batch_size=5000,
    )
    now = timezone.now()
    LessonProgress.objects.bulk_create(
        (
            LessonProgress(user=user, lesson=done, completed_at=now)
            for user in users
            for done in lessons[:DONE_LESSONS]
        ),
        batch_size=5000,
    )

    _note(f"{firms} firms with people, attendance and progress")
    # The participant measured: firm 0's second person.
    participant = users[1]
    for block_id in sorted(progress.reflection_block_ids(lesson=lesson)):
        progress.reflection_note_save(
            user=participant,
            lesson=lesson,
            block_id=block_id,
            text="Vi kan starte med én person på arbeidstrening i lageret. " * 8,
        )
    finished_quiz, open_quiz = Quiz.objects.order_by("key")[:2]
    finished = quizzes.attempt_start(quiz=finished_quiz, user=participant)
    for asked in finished.questions.all():
        quizzes.answer_save(
            attempt=finished,
            position=asked.position,
            choice_ids=[asked.snapshot["choices"][0]["id"]],
            user=participant,
        )
    quizzes.attempt_submit(attempt=finished, user=participant)
    ongoing = quizzes.attempt_start(quiz=open_quiz, user=participant)
    asked = ongoing.questions.get(position=1)
    quizzes.answer_save(
        attempt=ongoing,
        position=1,
        choice_ids=[asked.snapshot["choices"][0]["id"]],
        user=participant,
    )

    # Firm 0's plan waits for the leader's review.
    from cms.models import Measure

    plan = plans.plan_get_or_create(enrolment=enrolments[0])
    measures = list(Measure.objects.order_by("slug")[:4])
    plans.plan_save(
        plan=plan,
        commitments=[
            {
                "area": area,
                "what": f"Bench-forpliktelse {n}: ta inn én person på arbeidstrening.",
                "measure": measures[n % len(measures)] if measures else None,
                "responsible": "Daglig leder",
                "due_date": timezone.localdate() + timedelta(days=60 + n),
                "is_public": n % 2 == 0,
            }
            for n, area in enumerate(
                ["attitudes", "measures", "target_groups", "training", "support"]
            )
        ],
        by=users[0],
        expected_version=plan.version,
    )
    plans.plan_submit(plan=plan, by=users[0])

    # Every other firm after the first is certified (the registry, /verify/), up
    # to CERTIFIED firms: the service checks the rules against the whole run, so
    # certifying 1,000 firms of a 2,000-firm run one by one takes hours.
    made = [
        certification.certification_create(
            enrolment=enrolment, by=leader, override_reason="Benchmark."
        )
        for enrolment in enrolments[1::2][:CERTIFIED]
    ]
    certification.course_certificates_issue(run=run, by=leader)
    _note("quizzes, notes, plan and certificates")
    assessor, candidate, big_case = _validation(
        [users[n * PEOPLE_PER_FIRM] for n in range(min(firms, VALIDATION_QUEUE))]
    )
    _note("validation cases")
    _earlier_run(course=course, leader=leader, firms=firm_rows, contacts=users[::5])
    _note(f"{firms} firms × {RESULT_YEARS} years of follow-up reports")
    from courses.models import CourseCertificate

    return Fixture(
        run=run,
        leader=leader,
        participant=User.objects.get(pk=participant.pk),
        lesson=lesson,
        session=sessions[0],
        enrolment=enrolments[0],
        finished_attempt=finished,
        open_attempt=ongoing,
        course_certificate=CourseCertificate.objects.get(run=run, user=participant),
        certification=made[0],
        validation_assessor=assessor,
        validation_candidate=candidate,
        big_case=big_case,
        programme_owner=User.objects.get(email="bench-panel@example.no"),
        firms=firms,
    )


def _earlier_run(*, course, leader, firms, contacts):
    """Every firm in a finished run five years back, certified, followed up and
    renewed yearly, lapsed a few months ago: RESULT_YEARS reports each."""
    from courses.models import (
        Certification,
        CourseRun,
        Enrolment,
        EnrolmentStatus,
        RunStatus,
    )
    from courses.services import runs
    from courses.services.certification import add_months

    today = timezone.localdate()
    issued = add_months(today, -12 * RESULT_YEARS - 3)
    run = runs.run_create_from_course(
        course=course,
        title="Benchmark – tidligere kull",
        municipality="Drammen",
        capacity=len(firms),
        enrolment_deadline=issued - timedelta(days=60),
        first_session_starts_at=timezone.now()
        - timedelta(days=(today - issued).days + 42),
        place="Drammen",
        leaders=[leader],
    )
    CourseRun.objects.filter(pk=run.pk).update(status=RunStatus.FINISHED)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(run=run, firm=firm, status=EnrolmentStatus.ACCEPTED) for firm in firms
    )
    if enrolments[0].pk is None:
        enrolments = list(Enrolment.objects.filter(run=run).order_by("pk"))
    certifications = Certification.objects.bulk_create(
        Certification(
            enrolment=enrolment,
            holder_name=firm.name,
            code=_bench_code(n),
            issued_on=issued,
            valid_until=add_months(issued, 12 * RESULT_YEARS),
            issued_by=leader,
            override_reason="Benchmark.",
        )
        for n, (firm, enrolment) in enumerate(zip(firms, enrolments, strict=True))
    )
    if certifications[0].pk is None:
        certifications = list(
            Certification.objects.filter(enrolment__run=run).order_by("pk")
        )
    follow_up_history(
        certifications=certifications, years=RESULT_YEARS, filed_by=contacts
    )


def _bench_code(n):
    """A verification code no service hands out (they are random; these all
    start with ZZZZ and count up)."""
    from courses.codes import ALPHABET, LENGTH

    chars = []
    for _ in range(LENGTH - 4):
        n, remainder = divmod(n, len(ALPHABET))
        chars.append(ALPHABET[remainder])
    return "ZZZZ" + "".join(reversed(chars))


def follow_up_history(*, certifications, years, filed_by=None, skip_latest=0):
    """`years` yearly follow-up reports with figures for each certification,
    the latest for the period ending on its valid-until date, in bulk (four
    inserts): the counts differ by firm and year, the arrangements add up to
    the people taken in and the target groups share them out, as the
    database requires. `filed_by`: one person, or one per certification;
    `skip_latest` leaves out that many of the latest periods (filed already)."""
    from cms.models import Measure
    from courses.models import FollowUpReport
    from courses.services.certification import add_months
    from results.categories import ARRANGEMENT_FIELDS
    from results.models import FollowUpFigures
    from results.services import reporting_year

    people = (
        filed_by
        if isinstance(filed_by, list | tuple)
        else [filed_by] * len(certifications)
    )
    reports = FollowUpReport.objects.bulk_create(
        (
            FollowUpReport(
                certification=certification,
                period_ends=add_months(certification.valid_until, -12 * back),
                narrative="Vi tok inn folk på arbeidstrening og i lære i år.",
                filed_by=person,
            )
            for certification, person in zip(certifications, people, strict=True)
            for back in range(skip_latest, years)
        ),
        batch_size=5000,
    )
    if reports[0].pk is None:
        reports = list(
            FollowUpReport.objects.filter(certification__in=certifications).order_by(
                "certification_id", "-period_ends"
            )
        )
    figures = []
    for n, report in enumerate(reports):
        arrangements = {
            name: (n + i * (1 + n % 4)) % 3 for i, name in enumerate(ARRANGEMENT_FIELDS)
        }
        taken_in = sum(arrangements.values())
        young, disability, immigrant = taken_in // 2, taken_in // 4, taken_in // 4
        figures.append(
            FollowUpFigures(
                report=report,
                year=reporting_year(report.period_ends),
                taken_in=taken_in,
                **arrangements,
                young=young,
                disability=disability,
                immigrant=immigrant,
                other_group=taken_in - young - disability - immigrant,
                mentors=1 + n % 3,
                publish_account=n % 10 == 0,
                updated_by=report.filed_by,
            )
        )
    figures = FollowUpFigures.objects.bulk_create(figures, batch_size=5000)
    if figures and figures[0].pk is None:
        figures = list(
            FollowUpFigures.objects.filter(report__in=reports).order_by("pk")
        )
    measures = list(Measure.objects.order_by("slug")[:5])
    if measures:
        Used = FollowUpFigures.measures.through
        Used.objects.bulk_create(
            (
                Used(followupfigures=item, measure=measures[n % len(measures)])
                for n, item in enumerate(figures)
            ),
            batch_size=5000,
        )
    return figures


def _validation(queue_candidates):
    """The assessor, the candidate and the big case, through the services."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.accounts import services as accounts
    from lms.accounts.roles import Role
    from validation.demo import pdf_bytes
    from validation.files import evidence_file_check
    from validation.models import AssessmentCriterion, Unit, UnitStatus
    from validation.services import cases, portfolio
    from validation.services.cases import CaseAction
    from validation.services.units import unit_approve, unit_create_draft

    def person(email, role):
        user = accounts.user_create(
            email=email, password="bench", first_name="Bench", last_name=role.value
        )
        accounts.role_grant(user=user, role=role)
        return user

    panel = person("bench-panel@example.no", Role.PROGRAMME_OWNER)
    assessor = person("bench-validerer@example.no", Role.ASSESSOR)
    candidate = person("bench-kandidat@example.no", Role.CANDIDATE)
    unit = unit_create_draft(
        code="BENCH-20",
        title="Veilede en ny kollega gjennom et helt inkluderingsløp",
        level="3",
        credits=6,
        purpose="Benchmark-enhet med 20 vurderingskriterier.",
        outcomes=[
            (
                o,
                f"Læringsutbytte {o}",
                [
                    (c, f"Kriterium {o}.{c}: kandidaten viser dette i praksis")
                    for c in range(1, BIG_UNIT_CRITERIA + 1)
                ],
            )
            for o in range(1, BIG_UNIT_OUTCOMES + 1)
        ],
    )
    unit = unit_approve(unit=unit, by=panel, note="Benchmark")
    criteria = list(
        AssessmentCriterion.objects.filter(outcome__unit=unit)
        .select_related("outcome")
        .order_by("outcome__number", "number")
    )
    big_case = cases.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )
    evidence = []
    for n in range(BIG_CASE_EVIDENCE):
        mapped = [criteria[(n + k) % len(criteria)] for k in range(3)]
        checked = None
        if n % 10 == 0:
            lines = [f"Bevis {n + 1}", "Referat fra oppfølgingssamtale."]
            checked = evidence_file_check(
                upload=SimpleUploadedFile(
                    f"bevis-{n + 1}.pdf", pdf_bytes(lines), "application/pdf"
                )
            )
        evidence.append(
            portfolio.evidence_add(
                case=big_case,
                by=candidate,
                kind="file" if checked else "reflection",
                title=f"Bevis {n + 1}: oppfølging av en ny kollega",
                text="Slik fulgte jeg opp den nye kollegaen denne uka. " * 6,
                checked_file=checked,
                criteria=mapped,
            )
        )
    _bench_step(big_case, CaseAction.SUBMIT, candidate)
    for index, criterion in enumerate(criteria):
        portfolio.criterion_decide(
            case=big_case,
            criterion=criterion,
            outcome="met",
            reason="Vist i bevisene som er knyttet til kriteriet.",
            evidence=[evidence[(index - k) % len(evidence)] for k in range(3)],
            by=assessor,
        )
    # The candidate's other cases: the demo units, one with evidence.
    for code in ("AM-01", "AM-02", "AM-03"):
        demo_unit = Unit.objects.filter(code=code, status=UnitStatus.APPROVED).first()
        if demo_unit is None:
            continue
        case = cases.case_create(
            candidate=candidate, unit=demo_unit, assessor=assessor, by=assessor
        )
        if code == "AM-01":
            portfolio.evidence_add(
                case=case,
                by=candidate,
                kind="reflection",
                title="Refleksjonsnotat: første arbeidsdag",
                text="Slik tok jeg imot den nye kollegaen den første dagen.",
                criteria=AssessmentCriterion.objects.filter(outcome__unit=demo_unit)[
                    :3
                ],
            )
    # The assessor's queue: a planned case per firm on the big unit.
    for person_ in queue_candidates:
        cases.case_create(candidate=person_, unit=unit, assessor=assessor, by=assessor)
    big_case.refresh_from_db()
    return assessor, candidate, big_case


def _bench_step(case, action, by):
    from validation.services.cases import case_transition

    case.refresh_from_db()
    return case_transition(
        case=case, action=action, by=by, expected_version=case.version
    )
