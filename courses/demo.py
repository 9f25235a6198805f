"""Demo course and course run for `seed_demo`: creates what is missing, never edits."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.models import LessonPage
from lms.accounts.demo import DEMO_FIRM_ORG_NUMBER, DEMO_MEMBERS, demo_email
from lms.accounts.models import Firm, User

from .models import Course, CourseRun, Enrolment, EnrolmentStatus, SessionTemplate
from .services import runs

COURSE = {
    "slug": "sosial-profil",
    "title": "Sertifiseringskurs i sosial bærekraft",
    "description": (
        "Tre samlinger på tre timer med selvstudium mellom samlingene. Bedriften "
        "lærer tiltakene, målgruppene og hvem som kan hjelpe, lager en "
        "inkluderingsplan og kan bli sertifisert."
    ),
}

# (title, agenda, slugs of the areas whose lessons to study before the session)
SESSIONS = [
    (
        "Samling 1: Hvorfor inkludere?",
        "Velkommen og presentasjonsrunde. Holdninger og erfaringer fra bedrifter "
        "som har lyktes. Oppgave til neste gang: les leksjonene om tiltak og "
        "målgrupper.",
        ["holdninger"],
    ),
    (
        "Samling 2: Tiltak, målgrupper og samarbeid",
        "NAV og arbeidsinkluderingsbedriftene presenterer tiltakene. Gruppearbeid: "
        "hvilke oppgaver i bedriften passer for hvem? Start på inkluderingsplanen.",
        ["tiltak-og-virkemidler", "malgrupper"],
    ),
    (
        "Samling 3: Inkluderingsplanen og veien videre",
        "Bedriftene presenterer planene sine. Opplæring og veiledning i praksis. "
        "Sertifisering og utdeling av kursbevis.",
        ["opplaering", "stotte-og-samarbeid"],
    ),
]

RUN_TITLE = "Sosial Profil Asker – demokurs"
# The upcoming run's firms (organisation number, enrolment status): the demo
# firm and two more part-way through the course, and one firm that has applied.
UPCOMING_FIRMS = [
    (DEMO_FIRM_ORG_NUMBER, EnrolmentStatus.ACCEPTED),
    ("930567817", EnrolmentStatus.ACCEPTED),  # Slemmestad Sveis og Mek
    ("918762345", EnrolmentStatus.ACCEPTED),  # Vollen Båtservice
    ("933109623", EnrolmentStatus.APPLIED),  # Bærum Eiendomsdrift
]
PAST_RUN_TITLE = "Sosial Profil Asker – første kull"
# The first cohort ran before the platform: attendance lists and quizzes were on
# paper, so its certifications are recorded with this reason.
PAST_RUN_OVERRIDE = (
    "Første kull ble gjennomført før plattformen ble tatt i bruk. Oppmøtelister "
    "og quizer er på papir og arkivert hos kursleder."
)


def _seed_quizzes() -> list:
    """The five demo quizzes (one per area), keyed as the demo lessons' quiz blocks."""
    from cms.models import Measure

    from .demo_quiz_content import ATTEMPTS_ALLOWED, QUIZZES
    from .models import Choice, Question, Quiz, QuizQuestion

    quizzes = []
    measures = {m.slug: m for m in Measure.objects.all()}
    for data in QUIZZES:
        quiz = Quiz.objects.filter(key=data["key"]).first()
        if quiz is None:
            quiz = Quiz.objects.create(
                key=data["key"],
                title=data["title"],
                instructions=data["instructions"],
                pass_mark=data["pass_mark"],
                attempts_allowed=ATTEMPTS_ALLOWED,
                shuffle_questions=False,
            )
            for order, item in enumerate(data["questions"]):
                question = Question.objects.create(
                    area=data["area"],
                    kind=item["kind"],
                    text=item["text"],
                    explanation=item["explanation"],
                    partial_credit=item["partial_credit"],
                    measure=measures.get(item["measure"] or ""),
                )
                Choice.objects.bulk_create(
                    Choice(question=question, sort_order=n, **choice)
                    for n, choice in enumerate(item["choices"])
                )
                QuizQuestion.objects.create(
                    quiz=quiz, question=question, sort_order=order
                )
        quizzes.append(quiz)
    return quizzes


def _lessons_in(area_slugs):
    return LessonPage.objects.live().filter(
        url_path__regex=r"/(" + "|".join(area_slugs) + r")/[^/]+/$"
    )


# The demo firm's plan: submitted, waiting for the course leader's review.
DEMO_COMMITMENTS = [
    (
        "attitudes",
        "Fortelle hele staben om planen på et allmøte, og dele erfaringer fra "
        "andre bedrifter i kurset.",
        None,
        "Daglig leder",
        60,
        True,
    ),
    (
        "measures",
        "Ta inn én person på arbeidstrening i bakeriet i løpet av våren, i "
        "samarbeid med NAV Asker.",
        "arbeidstrening",
        "Daglig leder",
        120,
        True,
    ),
    (
        "training",
        "Lage en skriftlig opplæringsplan for de fire første ukene og peke ut en "
        "fast veileder på morgenskiftet.",
        None,
        "Produksjonsleder",
        90,
        False,
    ),
    (
        "support",
        "Avtale faste oppfølgingssamtaler annenhver uke med NAV-veilederen.",
        "oppfolging",
        "Kontaktpersonen",
        120,
        False,
    ),
]


def _write_plan(*, enrolment: Enrolment, by: User, submit: bool = True):
    """The demo commitments as the firm's plan, submitted unless told not."""
    from cms.models import Measure

    from .services import plans

    plan = plans.plan_get_or_create(enrolment=enrolment)
    measures = {m.slug: m for m in Measure.objects.all()}
    today = timezone.localdate()
    plans.plan_save(
        plan=plan,
        commitments=[
            {
                "area": area,
                "what": what,
                "measure": measures.get(slug) if slug else None,
                "responsible": responsible,
                "due_date": today + timedelta(days=days),
                "is_public": public,
            }
            for area, what, slug, responsible, days, public in DEMO_COMMITMENTS
        ],
        by=by,
        expected_version=plan.version,
    )
    if submit:
        plans.plan_submit(plan=plan, by=by)
    return plan


def _seed_demo_plan() -> None:
    from .models import InclusionPlan

    enrolment = Enrolment.objects.filter(
        firm__org_number=DEMO_FIRM_ORG_NUMBER,
        status=EnrolmentStatus.ACCEPTED,
        run__title=RUN_TITLE,
    ).first()
    contact = User.objects.filter(email=demo_email("kontakt")).first()
    if enrolment is None or contact is None:
        return
    if InclusionPlan.objects.filter(enrolment=enrolment).exists():
        return
    _write_plan(enrolment=enrolment, by=contact)


# What the upcoming run's people have done so far, each through the services:
# e-mail local part -> (areas whose lessons are done, how many of the first
# area's lessons if only some, quizzes passed, quizzes failed (key: times),
# whether they wrote a reflection note).
MOTION = {
    "deltaker": (
        ["holdninger", "tiltak-og-virkemidler"],
        None,
        ["quiz-holdninger"],
        {"quiz-tiltak-og-virkemidler": 1},
        True,
    ),
    "kontakt": (["holdninger"], 1, [], {"quiz-holdninger": 1}, False),
    "kontakt.slemmestad": (
        ["holdninger", "tiltak-og-virkemidler"],
        None,
        ["quiz-holdninger", "quiz-tiltak-og-virkemidler"],
        {},
        True,
    ),
    # Has used every attempt at one quiz: the course leader can grant more.
    "deltaker.slemmestad": (["holdninger"], None, [], {"quiz-holdninger": 3}, False),
    "kontakt.vollen": (["holdninger"], 1, [], {}, True),
}
# The other firms' plans: Slemmestad's approved, Vollen's still a draft.
MOTION_PLANS = {"930567817": "approved", "918762345": "draft"}
DEMO_NOTE = (
    "Vi kan ta imot én person på arbeidstrening i verkstedet. Det viktigste er "
    "at noen har tid til å følge opp de første ukene."
)


def _answer_attempt(*, quiz, user, right: bool) -> None:
    """One submitted attempt, every answer right or every answer wrong."""
    from .services import quizzes

    attempt = quizzes.attempt_start(quiz=quiz, user=user)
    for asked in attempt.questions.all():
        choices = asked.snapshot["choices"]
        chosen = [c["id"] for c in choices if c["is_correct"] == right]
        if asked.snapshot["kind"] != "multiple":
            chosen = chosen[:1]
        quizzes.answer_save(
            attempt=attempt, position=asked.position, choice_ids=chosen, user=user
        )
    quizzes.attempt_submit(attempt=attempt, user=user)


def _seed_motion() -> None:
    """The upcoming run part-way through: lessons done, quizzes passed and
    failed, reflection notes, and the other firms' plans (one approved, one a
    draft). Once: nothing happens if the demo participant has taken a quiz."""
    from .models import Attempt, InclusionPlan, Quiz
    from .services import plans, progress

    run = CourseRun.objects.filter(title=RUN_TITLE).first()
    leader = User.objects.filter(email=demo_email("kursleder")).first()
    if run is None or leader is None:
        return
    if Attempt.objects.filter(user__email=demo_email("deltaker")).exists():
        return
    people = User.objects.in_bulk(
        [demo_email(local) for local in MOTION], field_name="email"
    )
    quizzes = Quiz.objects.in_bulk(field_name="key")
    for local, (areas, some, passed, failed, note) in MOTION.items():
        person = people.get(demo_email(local))
        if person is None:
            continue
        lessons = list(_lessons_in(areas).order_by("path"))
        for lesson in lessons[:some] if some else lessons:
            progress.lesson_mark_done(user=person, lesson=lesson)
        for key in passed:
            if key in quizzes:
                _answer_attempt(quiz=quizzes[key], user=person, right=True)
        for key, times in failed.items():
            for _ in range(times if key in quizzes else 0):
                _answer_attempt(quiz=quizzes[key], user=person, right=False)
        if note and lessons:
            block_ids = sorted(progress.reflection_block_ids(lesson=lessons[0]))
            if block_ids:
                progress.reflection_note_save(
                    user=person,
                    lesson=lessons[0],
                    block_id=block_ids[0],
                    text=DEMO_NOTE,
                )
    for org_number, status in MOTION_PLANS.items():
        enrolment = Enrolment.objects.filter(
            run=run, firm__org_number=org_number, status=EnrolmentStatus.ACCEPTED
        ).first()
        contact = User.objects.filter(
            memberships__firm__org_number=org_number, memberships__is_contact=True
        ).first()
        if enrolment is None or contact is None:
            continue
        if InclusionPlan.objects.filter(enrolment=enrolment).exists():
            continue
        if status == "approved":
            plan = _write_plan(enrolment=enrolment, by=contact)
            plans.plan_approve(
                plan=plan, by=leader, comment="Godt og konkret. Lykke til!"
            )
        else:
            _write_plan(enrolment=enrolment, by=contact, submit=False)


def _seed_past_run(*, course: Course, leader: User) -> None:
    """A finished first cohort: most firms certified (one revoked, one lapsed),
    course certificates for those who attended. The demo firm's certification
    is due for its yearly follow-up."""
    from .models import AttendanceStatus, CourseRun, RunStatus
    from .services import attendance, certification, plans

    today = timezone.localdate()
    # Issued so that the demo firm's certification expires in about two months.
    issued = today - timedelta(days=300)
    start = timezone.make_aware(
        timezone.datetime.combine(
            issued - timedelta(days=42), timezone.datetime.min.time()
        )
    ).replace(hour=12)
    run = runs.run_create_from_course(
        course=course,
        title=PAST_RUN_TITLE,
        municipality="Asker",
        capacity=12,
        enrolment_deadline=issued - timedelta(days=50),
        first_session_starts_at=start,
        place="Asker rådhus, Katrineåsveien 20",
        leaders=[leader],
    )
    CourseRun.objects.filter(pk=run.pk).update(status=RunStatus.FINISHED)
    firms = list(Firm.objects.order_by("name")[:10])
    demo_firm = Firm.objects.filter(org_number=DEMO_FIRM_ORG_NUMBER).first()
    if demo_firm and demo_firm not in firms:
        firms[-1] = demo_firm
    sessions = list(run.sessions.order_by("starts_at"))
    for number, firm in enumerate(firms):
        enrolment = Enrolment.objects.create(
            run=run, firm=firm, status=EnrolmentStatus.ACCEPTED
        )
        # The colleagues of DEMO_MEMBERS joined the firms after this cohort.
        people = list(
            User.objects.filter(memberships__firm=firm, is_active=True).exclude(
                email__in=[demo_email(member[1]) for member in DEMO_MEMBERS]
            )
        )
        enrolment.participants.set(people)
        for session in sessions:
            for person in people:
                attendance.attendance_record(
                    session=session,
                    user=person,
                    status=AttendanceStatus.PRESENT,
                    by=leader,
                )
        if number == 2:
            continue  # this firm never finished its plan: not certified
        contact = next(
            (p for p in people if p.memberships.filter(is_contact=True).exists()),
            people[0] if people else leader,
        )
        plans.plan_approve(plan=_write_plan(enrolment=enrolment, by=contact), by=leader)
        # One firm's certification lapsed (issued a year and a half ago).
        day = issued - timedelta(days=250) if number == 3 else issued
        made = certification.certification_create(
            enrolment=enrolment, by=leader, override_reason=PAST_RUN_OVERRIDE, today=day
        )
        if number == 4:
            certification.certificate_revoke(
                certificate=made,
                by=leader,
                reason="Bedriften ba selv om å trekke sertifiseringen etter en "
                "omorganisering.",
            )
    certification.course_certificates_issue(run=run, by=leader, today=issued)


@transaction.atomic
def seed(stdout=None) -> dict[str, int]:
    created = {"courses": 0, "runs": 0}
    course, was_created = Course.objects.get_or_create(
        slug=COURSE["slug"],
        defaults={"title": COURSE["title"], "description": COURSE["description"]},
    )
    quizzes = _seed_quizzes()
    if was_created:
        created["courses"] += 1
        course.required_quizzes.set(quizzes)
        for position, (title, agenda, areas) in enumerate(SESSIONS, start=1):
            template = SessionTemplate.objects.create(
                course=course, position=position, title=title, agenda=agenda
            )
            template.preparation_lessons.set(_lessons_in(areas))

    leader = User.objects.filter(email=demo_email("kursleder")).first()
    if not CourseRun.objects.filter(title=RUN_TITLE).exists() and leader:
        start = (timezone.localtime() + timedelta(days=7)).replace(
            hour=12, minute=0, second=0, microsecond=0
        )
        run = runs.run_create_from_course(
            course=course,
            title=RUN_TITLE,
            municipality="Asker",
            capacity=12,
            enrolment_deadline=timezone.localdate() + timedelta(days=5),
            first_session_starts_at=start,
            place="Asker Næringsforening, Asker sentrum",
            leaders=[leader],
        )
        created["runs"] += 1
        firms = Firm.objects.in_bulk(
            [org for org, _status in UPCOMING_FIRMS], field_name="org_number"
        )
        for org_number, status in UPCOMING_FIRMS:
            if org_number not in firms:
                continue
            firm = firms[org_number]
            enrolment = Enrolment.objects.create(run=run, firm=firm, status=status)
            enrolment.participants.set(
                User.objects.filter(memberships__firm=firm, is_active=True)
            )
    _seed_demo_plan()
    _seed_motion()
    if leader and not CourseRun.objects.filter(title=PAST_RUN_TITLE).exists():
        _seed_past_run(course=course, leader=leader)
        created["runs"] += 1
    if stdout is not None:
        stdout.write(
            "courses: {courses} new courses, {runs} new runs".format(**created)
        )
    return created
