"""The benchmark's fixture at a size (S, M, L; see SIZES), reproducible from a seed.

A fresh database gets the demo (`seed_demo`: lessons of varying length with
internal links and measure references, the catalogue, the registry), then
`size.firms` firms of `size.people_per_firm` people in course runs of
FIRMS_PER_RUN firms (3 sessions, 30 lessons; each run with its own leader; every
participant present at every session and done with 12 lessons; every other firm
of each run certified by its leader). The measured run is the first. The
participant measured has reflection notes and progress on the lesson measured,
one quiz finished and one half answered, a kursbevis, and a firm whose
inclusion plan waits for review. Every other participant has
`size.attempts_per_person` finished quiz attempts.

Results: every firm also took an earlier run ("Benchmark – tidligere kull"), was
certified there five years ago, filed a follow-up with figures every year and
renewed, and lapsed a few months ago; the dashboard and the public figures count
its `firms` × 5 reports. Measured as the programme owner and as a visitor.

Validation: a submitted case on a unit of 20 criteria with 100 pieces of
evidence (every criterion decided), whose candidate also has cases on the three
demo units; and `size.cases` cases on that unit, one per participant,
VALIDATION_QUEUE per assessor (the measured assessor's first), each with
`size.files_per_case` evidence files (PDFs).

Placements: two trainees on a work trial per mentor, a mentor in every fourth
firm, made through the placement services (bench/placements.py).

What the product makes through its services here goes through them: runs,
quizzes started, answered and submitted by the measured participant, notes,
plans, certifications, course certificates, cases and each case's first
evidence (which starts the case), placements. The volume is written in bulk so
that L builds in minutes: firms, people, memberships, enrolments, attendance,
progress; quiz attempts (with the quiz service's own question draw, snapshot and
scoring, so every attempt is one the service could have made); the other
evidence files (stored through the evidence storage); the earlier run's
certifications, reports and figures. On PostgreSQL the build ends with ANALYZE.
"""

import io
import os
import random
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

# The measured run's firms (a course run takes about 20; the rest of the firms
# are in other runs of the same size).
FIRMS_PER_RUN = 20
LESSONS = 30
DONE_LESSONS = 12
# The lesson measured: a demo lesson of middling length (about 820 words; the demo
# lessons run from about 340 to 1,460) with internal page links, three measure
# references and a reflection question (see cms/demo_content).
LESSON_SLUG = "malgruppe-innvandrere-utenfor-arbeidslivet"
# The validation case measured: 5 outcomes × 4 criteria, 100 pieces of evidence
# (every tenth a PDF), each mapped to three criteria.
BIG_UNIT_OUTCOMES, BIG_UNIT_CRITERIA, BIG_CASE_EVIDENCE = 5, 4, 100
# The measured assessor's share of the cases (the rest go to other assessors).
VALIDATION_QUEUE = 200
# Years of follow-up reports per firm in the earlier run.
RESULT_YEARS = 5
# Distinct question draws per quiz among the generated attempts.
QUIZ_SEEDS = 64


@dataclass(frozen=True)
class Size:
    """How much data: firms (in runs of FIRMS_PER_RUN), people per firm, quiz
    attempts per person, validation cases (one per candidate) and evidence
    files per case."""

    name: str
    firms: int
    people_per_firm: int
    attempts_per_person: int
    cases: int
    files_per_case: int

    @property
    def participants(self):
        return self.firms * self.people_per_firm

    def describe(self):
        return (
            f"{self.firms:,} firms, {self.participants:,} participants, "
            f"{self.participants * self.attempts_per_person:,} quiz attempts, "
            f"{self.cases:,} validation cases with "
            f"{self.cases * self.files_per_case:,} evidence files"
        )


SIZES = {
    # The pilot: 12 firms of 5.
    "S": Size("S", 12, 5, 10, 30, 10),
    # 100 firms, 1,000 participants, 10,000 attempts, 500 cases, 5,000 files.
    "M": Size("M", 100, 10, 10, 500, 10),
    # 2,000 firms, 20,000 participants, 200,000 attempts, 10,000 cases.
    "L": Size("L", 2000, 10, 10, 10_000, 10),
}


def size_from(name: str, firms: int | None = None) -> Size:
    """A named size; `firms` (BENCH_FIRMS) makes a custom, smaller one for
    quick runs: that many firms of 5, two attempts each, one case per firm."""
    if firms:
        return Size(f"{firms} firms", firms, 5, 2, firms, 2)
    try:
        return SIZES[name.upper()]
    except KeyError:
        raise SystemExit(f"bench: size {name!r} is not one of S, M, L") from None


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
    mentor: object
    trainee: object
    placement: object
    evaluation: object
    size: Size


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


def build(size: Size, seed: int = 2026) -> Fixture:
    """A fresh database of `size`; the same `seed` gives the same data."""
    from courses.models import Course, Quiz, SessionTemplate
    from courses.services import certification, plans, progress, quizzes, runs
    from lms.accounts import services as accounts
    from lms.accounts.roles import Role

    rng = random.Random(seed)
    _empty_database()
    _note("migrated and seeded the demo")
    lessons = _lessons()
    lesson = lessons[0]

    course = Course.objects.create(title="Benchmark", slug="benchmark")
    course.required_quizzes.set(Quiz.objects.order_by("key")[:2])
    for position in range(1, 4):
        template = SessionTemplate.objects.create(
            course=course, position=position, title=f"Samling {position}"
        )
        template.preparation_lessons.set(lessons[(position - 1) * 10 : position * 10])
    firm_rows, users = _firms_and_people(size)
    # The runs: FIRMS_PER_RUN firms each, each run with its own leader, the
    # first measured; their first sessions a day apart from next week on.
    run_count = -(-size.firms // FIRMS_PER_RUN)
    leaders = []
    for n in range(run_count):
        leader = accounts.user_create(
            email="bench-leader@example.no" if n == 0 else f"bench-leader-{n}@ex.no",
            password="bench",
        )
        accounts.role_grant(user=leader, role=Role.COURSE_LEADER)
        leaders.append(leader)
    leader = leaders[0]
    all_enrolments, run_rows = [], []
    for n in range(run_count):
        chunk = slice(n * FIRMS_PER_RUN, (n + 1) * FIRMS_PER_RUN)
        run = runs.run_create_from_course(
            course=course,
            title="Benchmark-kurs" if n == 0 else f"Benchmark-kurs {n + 1}",
            municipality=["Asker", "Bærum", "Lier", "Drammen"][n % 4],
            capacity=FIRMS_PER_RUN,
            enrolment_deadline=timezone.localdate() + timedelta(days=5),
            first_session_starts_at=timezone.now() + timedelta(days=7 + n % 60),
            place="Asker",
            leaders=[leaders[n]],
        )
        run_rows.append(run)
        all_enrolments += _enrol(
            run=run,
            leader=leaders[n],
            firms=firm_rows[chunk],
            people=users[
                chunk.start * size.people_per_firm : chunk.stop * size.people_per_firm
            ],
            per_firm=size.people_per_firm,
            lessons=lessons,
        )
    run = run_rows[0]
    enrolments = all_enrolments[: min(FIRMS_PER_RUN, size.firms)]
    sessions = list(run.sessions.order_by("starts_at"))
    _note(f"{size.firms} firms in {run_count} runs: people, attendance, progress")

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
    made = _attempts(
        [user for user in users if user.pk != participant.pk],
        per_person=size.attempts_per_person,
        rng=rng,
    )
    _note(f"{made} quiz attempts")

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

    # Every other firm after the first of every run is certified (the registry,
    # /verify/), by its run's leader through the service.
    per_run = min(FIRMS_PER_RUN, size.firms)
    made = [
        certification.certification_create(
            enrolment=enrolment,
            by=leaders[index // per_run],
            override_reason="Benchmark.",
        )
        for index, enrolment in enumerate(all_enrolments)
        if index % per_run % 2 == 1
    ]
    certification.course_certificates_issue(run=run, by=leader)
    _note(f"plan, {len(made)} certifications, course certificates")
    assessor, candidate, big_case = _validation(
        size, [u for u in users if u.pk != participant.pk], rng
    )
    _note(f"{size.cases} validation cases")
    _earlier_run(
        course=course,
        leader=leader,
        firms=firm_rows,
        contacts=users[:: size.people_per_firm],
    )
    _note(f"{size.firms} firms × {RESULT_YEARS} years of follow-up reports")
    placements = _placements(size, firm_rows, users)
    _note(f"{len(placements)} placements")
    _analyze()
    from courses.models import CourseCertificate
    from lms.accounts.models import User

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
        mentor=placements[0][0].mentor,
        trainee=placements[0][0].trainee,
        placement=placements[0][0],
        evaluation=placements[0][2],
        size=size,
    )


def _placements(size, firms, users):
    """Two trainees on a work trial with the third person of every fourth firm
    as mentor, each placement through the services (bench/placements.py)."""
    from bench.placements import active_placement
    from lms.accounts.models import User

    mentors = max(1, size.firms // 4)
    password = make_password("bench")
    User.objects.bulk_create(
        (
            User(
                email=f"bench-trainee-{n}@example.no",
                first_name="Praksiskandidat",
                last_name=f"Bench {n}",
                password=password,
            )
            for n in range(2 * mentors)
        ),
        batch_size=2000,
    )
    trainees = list(
        User.objects.filter(email__startswith="bench-trainee-").order_by("pk")
    )
    per_firm = size.people_per_firm
    return [
        active_placement(
            firm=firms[4 * (n // 2)],
            mentor=users[4 * (n // 2) * per_firm + 2],
            trainee=trainee,
        )
        for n, trainee in enumerate(trainees)
    ]


def _analyze():
    """Table statistics after the bulk load, as autovacuum would gather them
    soon after a real import: without them PostgreSQL plans for empty tables
    (see README, Running at scale)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        _note("ANALYZE")


def _firms_and_people(size: Size):
    """`size.firms` firms with `size.people_per_firm` people each (the first the
    contact), memberships and roles, in bulk."""
    from lms.accounts.models import Firm, Membership, User
    from lms.accounts.roles import Role

    per_firm = size.people_per_firm
    firm_rows = Firm.objects.bulk_create(
        (
            Firm(
                name=f"Bench {n} AS",
                org_number=org,
                municipality=["Asker", "Bærum", "Lier", "Drammen"][n % 4],
                industry="C",
                size_band="5-9",
            )
            for n, org in enumerate(_org_numbers(size.firms))
        ),
        batch_size=2000,
    )
    if firm_rows[0].pk is None:
        firm_rows = list(Firm.objects.filter(name__startswith="Bench ").order_by("pk"))
    password = make_password("bench")
    User.objects.bulk_create(
        (
            User(
                email=f"bench-{n}-{p}@example.no",
                first_name=f"Deltaker{p}",
                last_name=f"Bench{n}",
                password=password,
            )
            for n in range(size.firms)
            for p in range(per_firm)
        ),
        batch_size=2000,
    )
    by_email = User.objects.filter(email__regex=r"^bench-[0-9]+-[0-9]+@").in_bulk(
        field_name="email"
    )
    users = [
        by_email[f"bench-{n}-{p}@example.no"]
        for n in range(size.firms)
        for p in range(per_firm)
    ]
    Membership.objects.bulk_create(
        (
            Membership(firm=firm, user=users[n * per_firm + p], is_contact=p == 0)
            for n, firm in enumerate(firm_rows)
            for p in range(per_firm)
        ),
        batch_size=5000,
    )
    member_group = Group.objects.get_or_create(name=Role.PARTICIPANT.value)[0]
    contact_group = Group.objects.get_or_create(name=Role.FIRM_CONTACT.value)[0]
    UserGroup = User.groups.through
    UserGroup.objects.bulk_create(
        [UserGroup(user=user, group=member_group) for user in users]
        + [
            UserGroup(user=users[n * per_firm], group=contact_group)
            for n in range(size.firms)
        ],
        batch_size=5000,
    )
    return firm_rows, users


def _enrol(*, run, leader, firms, people, per_firm, lessons):
    """The firms accepted in the run with all their people, present at every
    session, done with DONE_LESSONS lessons; in bulk. Returns the enrolments."""
    from courses.models import Attendance, Enrolment, LessonProgress

    enrolments = Enrolment.objects.bulk_create(
        Enrolment(run=run, firm=firm, status="accepted") for firm in firms
    )
    if enrolments and enrolments[0].pk is None:
        enrolments = list(Enrolment.objects.filter(run=run).order_by("pk"))
    Participant = Enrolment.participants.through
    Participant.objects.bulk_create(
        Participant(enrolment=enrolment, user=people[n * per_firm + p])
        for n, enrolment in enumerate(enrolments)
        for p in range(per_firm)
    )
    sessions = list(run.sessions.all())
    Attendance.objects.bulk_create(
        (
            Attendance(session=s, user=user, status="present", recorded_by=leader)
            for user in people
            for s in sessions
        ),
        batch_size=5000,
    )
    now = timezone.now()
    LessonProgress.objects.bulk_create(
        (
            LessonProgress(user=user, lesson=done, completed_at=now)
            for user in people
            for done in lessons[:DONE_LESSONS]
        ),
        batch_size=5000,
    )
    return enrolments


def _attempts(people, *, per_person, rng):
    """`per_person` finished quiz attempts per person across the quizzes (the
    quiz's own attempt limit kept), as the quiz service makes them: its question
    draw for the attempt's seed, its snapshot of each question, its scoring of
    the answers (chosen at random). Written in bulk, a few hundred people at a
    time. Returns the number of attempts."""
    from courses.models import Answer, Attempt, AttemptQuestion, Question, Quiz
    from courses.services.quizzes import (
        attempt_questions_for,
        attempt_score,
        question_snapshot,
    )

    quizzes = list(Quiz.objects.order_by("key"))
    slots = [
        (quiz, number)
        for number in range(1, per_person + 1)
        for quiz in quizzes
        if not quiz.attempts_allowed or number <= quiz.attempts_allowed
    ][:per_person]
    with_choices = Question.objects.prefetch_related("choices").in_bulk()
    seeds = {
        quiz.pk: [rng.getrandbits(62) for _ in range(QUIZ_SEEDS)] for quiz in quizzes
    }
    drawn = {
        (quiz.pk, seed): [
            with_choices[q.pk] for q in attempt_questions_for(quiz=quiz, seed=seed)
        ]
        for quiz in quizzes
        for seed in seeds[quiz.pk]
    }
    now = timezone.now()
    total = 0
    for start in range(0, len(people), 400):
        chunk = people[start : start + 400]
        attempts, asked = [], []
        for user in chunk:
            for quiz, number in slots:
                seed = rng.choice(seeds[quiz.pk])
                snapshots = [
                    question_snapshot(q, rng, quiz.shuffle_choices)
                    for q in drawn[quiz.pk, seed]
                ]
                selected = [
                    [rng.choice(snapshot["choices"])["id"]] for snapshot in snapshots
                ]
                scores, percent = attempt_score(
                    asked=snapshots,
                    answered=list(zip(snapshots, selected, strict=True)),
                )
                started = now - timedelta(
                    days=rng.randint(1, 60), minutes=rng.randint(0, 600)
                )
                attempts.append(
                    Attempt(
                        quiz=quiz,
                        user=user,
                        number=number,
                        seed=seed,
                        started_at=started,
                        submitted_at=started + timedelta(minutes=rng.randint(3, 25)),
                        score=percent,
                        passed=percent >= quiz.pass_mark,
                    )
                )
                asked.append(list(zip(snapshots, selected, scores, strict=True)))
        attempts = Attempt.objects.bulk_create(attempts, batch_size=2000)
        if attempts[0].pk is None:
            ids = (
                Attempt.objects.filter(user__in=chunk)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            for attempt, pk in zip(attempts, ids, strict=True):
                attempt.pk = pk
        questions = AttemptQuestion.objects.bulk_create(
            (
                AttemptQuestion(
                    attempt=attempt,
                    position=position,
                    question_id=snapshot_question,
                    snapshot=snapshot,
                )
                for attempt, items, questions_ in (
                    (a, i, drawn[a.quiz.pk, a.seed])
                    for a, i in zip(attempts, asked, strict=True)
                )
                for position, (
                    (snapshot, _selected, _score),
                    snapshot_question,
                ) in enumerate(
                    zip(items, [q.pk for q in questions_], strict=True), start=1
                )
            ),
            batch_size=5000,
        )
        if questions[0].pk is None:
            questions = list(
                AttemptQuestion.objects.filter(attempt__in=attempts).order_by(
                    "attempt_id", "position"
                )
            )
        flat = [item for items in asked for item in items]
        Answer.objects.bulk_create(
            (
                Answer(attempt_question=question, selected=selected, score=score)
                for question, (_snapshot, selected, score) in zip(
                    questions, flat, strict=True
                )
            ),
            batch_size=5000,
        )
        total += len(attempts)
    return total


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


def _validation(size, candidates, rng):
    """The assessor, the candidate and the big case, through the services; then
    `size.cases` cases on the big unit (see _cases)."""
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
    _cases(size, candidates, unit=unit, criteria=criteria, assessor=assessor, rng=rng)
    big_case.refresh_from_db()
    return assessor, candidate, big_case


def _cases(size, candidates, *, unit, criteria, assessor, rng):
    """One case per candidate on the big unit, VALIDATION_QUEUE per assessor
    (the measured one first), each with `size.files_per_case` evidence files:
    cases and each first piece through the services (which start the case);
    the other pieces, their files and criteria in bulk."""
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.accounts import services as accounts
    from lms.accounts.roles import Role
    from validation.demo import pdf_bytes
    from validation.files import evidence_file_check
    from validation.models import Evidence
    from validation.services import cases, portfolio

    pdf = pdf_bytes(["Bevis", "Referat fra oppfølgingssamtale med ny kollega."])

    def checked_pdf(n):
        return evidence_file_check(
            upload=SimpleUploadedFile(f"bevis-{n}.pdf", pdf, "application/pdf")
        )

    template = checked_pdf(0)
    storage = Evidence._meta.get_field("file").storage
    assessors = [assessor]
    rows, mapped = [], []
    for n, person in enumerate(candidates[: size.cases]):
        if n and n % VALIDATION_QUEUE == 0:
            assessors.append(
                accounts.user_create(
                    email=f"bench-validerer-{len(assessors)}@example.no",
                    password="bench",
                    first_name="Bench",
                    last_name=f"Validerer {len(assessors)}",
                )
            )
            accounts.role_grant(user=assessors[-1], role=Role.ASSESSOR)
        case = cases.case_create(
            candidate=person, unit=unit, assessor=assessors[-1], by=assessors[-1]
        )
        portfolio.evidence_add(
            case=case,
            by=person,
            kind="file",
            title="Bevis 1: referat fra første samtale",
            checked_file=checked_pdf(n + 1),
            criteria=rng.sample(criteria, 2),
        )
        for k in range(2, size.files_per_case + 1):
            name = storage.save(f"{uuid.uuid4().hex}.pdf", ContentFile(pdf))
            rows.append(
                Evidence(
                    case=case,
                    kind="file",
                    title=f"Bevis {k}: referat fra oppfølgingssamtale",
                    file=name,
                    content_type=template.content_type,
                    size=template.size,
                    original_name=f"bevis-{k}.pdf",
                    added_by=person,
                )
            )
            mapped.append(rng.sample(criteria, 2))
        if len(rows) >= 5000:
            _evidence_bulk(rows, mapped)
            rows, mapped = [], []
    _evidence_bulk(rows, mapped)


def _evidence_bulk(rows, mapped):
    from validation.models import Evidence

    if not rows:
        return
    made = Evidence.objects.bulk_create(rows, batch_size=2000)
    if made[0].pk is None:
        by_name = Evidence.objects.filter(file__in=[r.file.name for r in rows]).in_bulk(
            field_name="file"
        )
        made = [by_name[r.file.name] for r in rows]
    Mapped = Evidence.criteria.through
    Mapped.objects.bulk_create(
        (
            Mapped(evidence=evidence, assessmentcriterion=criterion)
            for evidence, chosen in zip(made, mapped, strict=True)
            for criterion in chosen
        ),
        batch_size=5000,
    )


def _bench_step(case, action, by):
    from validation.services.cases import case_transition

    case.refresh_from_db()
    return case_transition(
        case=case, action=action, by=by, expected_version=case.version
    )
