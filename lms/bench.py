"""Page benchmark: `make bench` (python -m lms.bench).

Builds a run of 40 firms × 5 participants × 3 sessions × 30 lessons in a fresh
database, then measures pages in one process through Django's full request
handler and middleware (the test client), and prints one line per page:

    bench <page-name> ratio=<page ms / trivial ms> queries=<n> median_ms=<ms>

(ratio: median page time over median trivial-view time)

and then one line for certificate PDFs (200 course certificates, no database):

    bench kursbevis-pdf per_second=<renders per second> median_ms=<ms>
"""

import io
import os
import statistics
import sys
import time
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.bench")

import django

django.setup()

from django.conf import settings
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test import Client
from django.urls import reverse
from django.utils import timezone

WARMUPS = 3
ROUNDS = 20
FIRMS, PEOPLE, LESSONS = 40, 5, 30


def build():
    from cms.models import LessonPage, ToolboxAreaPage
    from courses.models import (
        Attendance,
        Course,
        Enrolment,
        LessonProgress,
        SessionTemplate,
    )
    from courses.services import runs
    from lms.accounts import services as accounts
    from lms.accounts.models import Firm, User
    from lms.accounts.roles import Role
    from lms.accounts.validators import org_number_check_digit

    db = settings.DATABASES["default"]["NAME"]
    if os.path.exists(db):
        os.remove(db)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())

    area = ToolboxAreaPage.objects.live().first()
    template_lesson = LessonPage.objects.live().child_of(area).first()
    lessons = list(LessonPage.objects.live())
    while len(lessons) < LESSONS:
        copy = template_lesson.copy(
            to=area,
            update_attrs={
                "slug": f"bench-{len(lessons)}",
                "title": f"Benchmark-leksjon {len(lessons)}",
            },
            keep_live=True,
        )
        lessons.append(copy)
    lessons = lessons[:LESSONS]

    leader = accounts.user_create(email="bench-leader@example.no", password="bench")
    accounts.role_grant(user=leader, role=Role.COURSE_LEADER)
    course = Course.objects.create(title="Benchmark", slug="benchmark")
    for position in range(1, 4):
        template = SessionTemplate.objects.create(
            course=course, position=position, title=f"Samling {position}"
        )
        template.preparation_lessons.set(lessons[(position - 1) * 10 : position * 10])
    run = runs.run_create_from_course(
        course=course,
        title="Benchmark-kurs",
        municipality="Asker",
        capacity=FIRMS,
        enrolment_deadline=timezone.localdate() + timedelta(days=5),
        first_session_starts_at=timezone.now() + timedelta(days=7),
        place="Asker",
        leaders=[leader],
    )
    sessions = list(run.sessions.all())
    participant = None
    base = 93_000_000
    attendance, progress = [], []
    for n in range(FIRMS):
        while org_number_check_digit(str(base)) is None:
            base += 1
        org = f"{base}{org_number_check_digit(str(base))}"
        base += 1
        firm = Firm.objects.create(
            name=f"Bench {n} AS",
            org_number=org,
            municipality="Asker",
            industry="C",
            size_band="5-9",
        )
        enrolment = Enrolment.objects.create(run=run, firm=firm, status="accepted")
        people = []
        for p in range(PEOPLE):
            user = User.objects.create_user(
                email=f"bench-{n}-{p}@example.no", password="bench"
            )
            accounts.membership_add(firm=firm, user=user, is_contact=p == 0)
            people.append(user)
        enrolment.participants.set(people)
        participant = participant or people[1]
        for user in people:
            attendance += [
                Attendance(session=s, user=user, status="present", recorded_by=leader)
                for s in sessions
            ]
            progress += [
                LessonProgress(user=user, lesson=lesson, completed_at=timezone.now())
                for lesson in lessons[:12]
            ]
    Attendance.objects.bulk_create(attendance)
    LessonProgress.objects.bulk_create(progress)

    # The participant has finished one demo quiz and is halfway through another.
    from courses.models import Quiz
    from courses.services import quizzes

    finished_quiz, open_quiz = Quiz.objects.order_by("key")[:2]
    finished = quizzes.attempt_start(quiz=finished_quiz, user=participant)
    for asked in finished.questions.all():
        first = asked.snapshot["choices"][0]["id"]
        quizzes.answer_save(
            attempt=finished,
            position=asked.position,
            choice_ids=[first],
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
    return {
        "run": run,
        "leader": leader,
        "participant": participant,
        "finished_attempt": finished,
        "open_attempt": ongoing,
    }


def measure(client, url, rounds=ROUNDS):
    for _ in range(WARMUPS):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    # Queries are counted on one more request; the timed ones run without the
    # debug cursor, which formats and stores every query (production does not).
    connection.force_debug_cursor = True
    reset_queries()
    response = client.get(url)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), queries


def bench_certificate_pdfs(count=200):
    """Course certificate PDFs rendered one at a time, no database involved:

    bench kursbevis-pdf per_second=<renders per second> median_ms=<ms>
    """
    from datetime import date

    from courses.documents import CertificateDocument, CertificateKind
    from courses.documents.pdf import render_certificate_pdf

    first_names = ["Kari", "Ola", "Ingrid", "Mohammed", "Åse", "Bjørn", "Sofie"]
    last_names = ["Nordmann", "Haugland-Kristoffersen", "Ødegård", "Ali", "Berg"]
    documents = []
    for n in range(WARMUPS + count):
        code = f"B{n:03d}-QX9P-4RTW"
        first = first_names[n % len(first_names)]
        last = last_names[n % len(last_names)]
        documents.append(
            CertificateDocument(
                kind=CertificateKind.COURSE,
                code=code,
                verify_url=f"https://sosialprofil.no/verify/{code}/",
                holder_name=f"{first} {last}",
                course_title="Sertifiseringskurs i sosial bærekraft",
                run_title="Høstkurset 2026",
                municipality="Asker",
                session_dates=(date(2026, 9, 3), date(2026, 9, 17), date(2026, 10, 1)),
                issued_on=date(2026, 11, 23),
                issuer_name="Sosial Profil",
                issuer_url="https://sosialprofil.no/",
                signed_by="Ingrid Haugland",
            )
        )
    for document in documents[:WARMUPS]:
        render_certificate_pdf(document=document)
    timings = []
    for document in documents[WARMUPS:]:
        start = time.perf_counter()
        pdf = render_certificate_pdf(document=document)
        timings.append((time.perf_counter() - start) * 1000)
        assert pdf.startswith(b"%PDF"), document.code
    per_second = count / (sum(timings) / 1000)
    median_ms = statistics.median(timings)
    print(f"bench kursbevis-pdf per_second={per_second:.1f} median_ms={median_ms:.2f}")


def main() -> int:
    started = time.perf_counter()
    data = build()
    settings.DEBUG = False
    from cms.models import LessonPage, MeasureCatalogPage
    from lms.accounts.models import User

    anonymous = Client()
    leader = Client()
    leader.force_login(data["leader"])
    participant = Client()
    participant.force_login(User.objects.get(pk=data["participant"].pk))

    trivial_ms, _ = measure(anonymous, "/bench/ok/")
    pages = [
        (
            "run-overview",
            leader,
            reverse("courses:run_overview", args=[data["run"].pk]),
        ),
        ("home", anonymous, "/"),
        ("lesson", anonymous, LessonPage.objects.live().first().url),
        ("measure-catalogue", anonymous, MeasureCatalogPage.objects.live().first().url),
    ]
    pages.insert(1, ("my-course", participant, reverse("courses:my_course")))
    pages += [
        (
            "quiz",
            participant,
            reverse("courses:quiz_attempt", args=[data["open_attempt"].pk]) + "?q=2",
        ),
        (
            "quiz-result",
            participant,
            reverse("courses:quiz_result", args=[data["finished_attempt"].pk]),
        ),
    ]

    print(f"bench trivial ratio=1.00 queries=0 median_ms={trivial_ms:.2f}")
    for name, client, url in pages:
        median_ms, queries = measure(client, url)
        print(
            f"bench {name} ratio={median_ms / trivial_ms:.2f} "
            f"queries={queries} median_ms={median_ms:.2f}"
        )
    bench_certificate_pdfs()
    elapsed = time.perf_counter() - started
    print(f"# built and measured in {elapsed:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
