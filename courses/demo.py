"""Demo course and course run for `seed_demo`: creates what is missing, never edits."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.models import LessonPage
from lms.accounts.demo import DEMO_FIRM_ORG_NUMBER, demo_email
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

    from .demo_quiz_content import QUIZZES
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
                attempts_allowed=3,
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


def _write_plan(*, enrolment: Enrolment, by: User):
    """The demo commitments as the firm's submitted plan."""
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
        people = list(User.objects.filter(memberships__firm=firm, is_active=True))
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
        firms = list(Firm.objects.order_by("org_number")[:4])
        demo_firm = Firm.objects.filter(org_number=DEMO_FIRM_ORG_NUMBER).first()
        if demo_firm and demo_firm not in firms:
            firms[0] = demo_firm
        for number, firm in enumerate(firms):
            status = (
                EnrolmentStatus.APPLIED if number == 3 else EnrolmentStatus.ACCEPTED
            )
            enrolment = Enrolment.objects.create(run=run, firm=firm, status=status)
            enrolment.participants.set(
                User.objects.filter(memberships__firm=firm, is_active=True)
            )
    _seed_demo_plan()
    if leader and not CourseRun.objects.filter(title=PAST_RUN_TITLE).exists():
        _seed_past_run(course=course, leader=leader)
        created["runs"] += 1
    if stdout is not None:
        stdout.write(
            "courses: {courses} new courses, {runs} new runs".format(**created)
        )
    return created
