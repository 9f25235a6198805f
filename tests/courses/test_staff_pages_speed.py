"""The course leader's pages stay cheap when the cache is empty (issue 10): the
run overview, attendance and plan review make a fixed number of queries however
many firms, people, quizzes, attempts or commitments there are, and the shortcuts
that make them fast (status buttons rendered once per status, one token read for
every row's form, row links reversed once) show exactly what they showed before."""

import re
from http import HTTPStatus

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from courses.models import Attendance, AttendanceStatus, PlanStatus
from courses.services import attendance as attendance_services
from courses.services import plans as plan_services

from ..cms import factories as cms_factories
from ..cms.queries import COLD_PAGE_QUERY_LIMIT, cold_queries
from . import factories
from . import quiz_factories as qf
from .test_quiz_results import take

pytestmark = pytest.mark.django_db


def _run(*, firms, people, quizzes=0, lessons=0):
    course_lessons = [cms_factories.lesson() for _ in range(lessons)]
    # The first session has started: its attendance page opens without a
    # confirmation step.
    run = factories.run(lessons=course_lessons, starts_in_days=-1)
    leader = run.leaders.get()
    for _ in range(quizzes):
        quiz = qf.quiz(questions=[qf.question()], shuffle_choices=False)
        run.course.required_quizzes.add(quiz)
    for _ in range(firms):
        enrolment = factories.enrolment(run_=run, participants=people)
        for person in enrolment.participants.all():
            for session in run.sessions.all():
                attendance_services.attendance_record(
                    session=session, user=person, status="present", by=leader
                )
            for quiz in run.course.required_quizzes.all():
                take(quiz, person, {1: ["Riktig"]})
    return run


def test_run_overview_cold_queries_do_not_grow_with_the_run(client):
    small = _run(firms=1, people=1, quizzes=1, lessons=1)
    client.force_login(small.leaders.get())
    few, _page = cold_queries(client, reverse("courses:run_overview", args=[small.pk]))

    large = _run(firms=5, people=3, quizzes=3, lessons=4)
    client.force_login(large.leaders.get())
    many, page = cold_queries(client, reverse("courses:run_overview", args=[large.pk]))

    assert len(page.context["overview"].rows) == 5
    assert many == few
    assert few <= COLD_PAGE_QUERY_LIMIT


def test_attendance_cold_queries_do_not_grow_with_firms_and_people(client):
    small = _run(firms=1, people=1)
    client.force_login(small.leaders.get())
    session = small.sessions.get(position=1)
    few, _page = cold_queries(client, reverse("courses:attendance", args=[session.pk]))

    large = _run(firms=6, people=4)
    client.force_login(large.leaders.get())
    session = large.sessions.get(position=1)
    many, page = cold_queries(client, reverse("courses:attendance", args=[session.pk]))

    assert len(page.context["people"]) == 24
    assert many == few
    assert few <= COLD_PAGE_QUERY_LIMIT


def _submitted_plan(*, commitments, rounds):
    """A plan sent back `rounds - 1` times and then submitted again: history grows
    with the rounds, the plan with the commitments."""
    from .test_plans import row

    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    contact, leader = enrolment.contact, run.leaders.get()
    plan = plan_services.plan_get_or_create(enrolment=enrolment)
    rows = [row(what=f"Commitment {n}") for n in range(commitments)]
    for round_ in range(rounds):
        plan.refresh_from_db()
        plan_services.plan_save(
            plan=plan, commitments=rows, by=contact, expected_version=plan.version
        )
        plan.refresh_from_db()
        plan_services.plan_submit(plan=plan, by=contact)
        if round_ < rounds - 1:
            plan.refresh_from_db()
            plan_services.plan_request_changes(
                plan=plan, by=leader, comment=f"Round {round_}"
            )
    return enrolment


def test_plan_review_cold_queries_do_not_grow_with_commitments_and_history(client):
    few_enrolment = _submitted_plan(commitments=1, rounds=1)
    client.force_login(few_enrolment.run.leaders.get())
    url = reverse("courses:plan_review", args=[few_enrolment.pk])
    few, _page = cold_queries(client, url)

    many_enrolment = _submitted_plan(commitments=6, rounds=3)
    client.force_login(many_enrolment.run.leaders.get())
    url = reverse("courses:plan_review", args=[many_enrolment.pk])
    many, page = cold_queries(client, url)

    assert page.context["plan"].status == PlanStatus.SUBMITTED
    assert len(page.context["plan"].commitments.all()) == 6
    assert many == few
    assert few <= COLD_PAGE_QUERY_LIMIT


def test_overview_counts_published_lessons_once_whatever_the_sessions():
    from django.utils import timezone

    from courses.models import LessonProgress
    from courses.selectors.runs import run_overview

    published, unpublished = cms_factories.lesson(), cms_factories.lesson()
    # Both lessons before each of the three sessions; one is then unpublished.
    run = factories.run(lessons=[published, unpublished])
    unpublished.unpublish()
    person = factories.enrolment(run_=run).contact
    for lesson in (published, unpublished):
        LessonProgress.objects.create(
            user=person, lesson=lesson, completed_at=timezone.now()
        )

    overview = run_overview(run=run)

    assert [s.position for s in overview.sessions] == [1, 2, 3]
    (row,) = overview.rows
    assert (row.preparation_done, row.preparation_total) == (1, 1)


def _people_with_statuses():
    run = factories.run(starts_in_days=-1)
    leader = run.leaders.get()
    # Firms in alphabetical order on the page, people by first name in a firm.
    later = factories.enrolment(run_=run, participants=1)
    later.firm.name = "Bølgen <AS>"
    later.firm.save()
    first = factories.enrolment(run_=run, participants=2)
    first.firm.name = "Alfa & Co"
    first.firm.save()
    anna, bjorn = sorted(first.participants.all(), key=lambda p: p.pk)
    anna.first_name, anna.last_name = "Anna", "<b>Berg</b>"
    anna.save()
    bjorn.first_name, bjorn.last_name = "Bjørn", "Dahl"
    bjorn.save()
    session = run.sessions.get(position=1)
    attendance_services.attendance_record(
        session=session, user=bjorn, status=AttendanceStatus.LATE, by=leader
    )
    return run, session, [anna, bjorn, later.contact]


def _buttons(page, person):
    """{status: aria-pressed} of one person's row."""
    match = re.search(rf'<li [^>]*id="p-{person.pk}">(.*?)</li>', page, re.S)
    assert match, person
    return dict(
        re.findall(r'value="(\w+)" class="[^"]*" aria-pressed="(true|false)"', match[1])
    )


def test_attendance_rows_show_each_persons_status_in_order_and_escaped(client):
    run, session, (anna, bjorn, other) = _people_with_statuses()
    client.force_login(run.leaders.get())

    page = client.get(reverse("courses:attendance", args=[session.pk])).content
    page = page.decode()

    assert [int(pk) for pk in re.findall(r'id="p-(\d+)"', page)] == [
        anna.pk,
        bjorn.pk,
        other.pk,
    ]
    statuses = [value for value, _label in AttendanceStatus.choices]
    assert _buttons(page, anna) == dict.fromkeys(statuses, "false")
    assert _buttons(page, bjorn) == {
        value: "true" if value == "late" else "false" for value in statuses
    }
    assert "Anna &lt;b&gt;Berg&lt;/b&gt;" in page
    assert "– Bølgen &lt;AS&gt;" in page
    assert "– Alfa &amp; Co" in page
    assert "<b>Berg" not in page
    # Every row is a form of its own, with the person's id and a CSRF token.
    rows = page[
        page.index("data-attendance>") : page.index(
            "</ul>", page.index("data-attendance>")
        )
    ]
    assert rows.count('<form method="post" class="attendance-form">') == 3
    assert rows.count('name="csrfmiddlewaretoken"') == 3
    assert rows.count(f'<input type="hidden" name="person" value="{anna.pk}">') == 1


def test_each_rows_form_posts_with_the_token_the_page_gave(client):
    run, session, (anna, _bjorn, _other) = _people_with_statuses()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(run.leaders.get())
    url = reverse("courses:attendance", args=[session.pk])
    page = browser.get(url).content.decode()
    row = re.search(rf'<li [^>]*id="p-{anna.pk}">(.*?)</li>', page, re.S)[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', row)[1]

    refused = browser.post(url, {"person": anna.pk, "status": "present"})
    assert refused.status_code == HTTPStatus.FORBIDDEN
    response = browser.post(
        url, {"csrfmiddlewaretoken": token, "person": anna.pk, "status": "present"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Attendance.objects.get(session=session, user=anna).status == "present"


@pytest.mark.parametrize("pk", [1, 42, 2**63 - 2])
@pytest.mark.parametrize("name", ["courses:plan_review", "courses:certification_firm"])
def test_row_links_are_the_reversed_urls(name, pk):
    from django.template import Context, Template

    template = Template(
        "{% load overview_tags %}{% row_url name pk %}|{% row_url name 7 %}"
    )
    rendered = template.render(Context({"name": name, "pk": pk}))
    assert rendered == f"{reverse(name, args=[pk])}|{reverse(name, args=[7])}"


def test_overview_quiz_tables_escape_names_and_show_each_result(client):
    quizzes = [
        qf.quiz(questions=[qf.question()], shuffle_choices=False, pass_mark=80)
        for _ in range(2)
    ]
    run = factories.run()
    run.course.required_quizzes.add(*quizzes)
    enrolment = factories.enrolment(run_=run, participants=2)
    enrolment.firm.name = "<i>Firma</i>"
    enrolment.firm.save()
    taker, idle = sorted(enrolment.participants.all(), key=lambda p: p.pk)
    taker.first_name, taker.last_name = "Ola", "<script>x</script>"
    taker.save()
    idle.first_name, idle.last_name = "Zara", "Lie"
    idle.save()
    take(quizzes[0], taker, {1: ["Riktig"]})
    take(quizzes[1], taker, {1: ["Feil"]})
    client.force_login(run.leaders.get())
    client.cookies["django_language"] = "en"

    page = client.get(reverse("courses:run_overview", args=[run.pk])).content
    page = page.decode()

    name = "Ola &lt;script&gt;x&lt;/script&gt;"
    firm = "&lt;i&gt;Firma&lt;/i&gt;"
    with translation.override("en"):
        yes, no, not_taken = "Yes", "No", "Not taken"
    assert "<script>x" not in page and "<i>Firma" not in page
    assert (
        page.count(
            f'<tr><th scope="row">{name}</th><td>{firm}</td><td>1</td>'
            f"<td>100 %</td><td>{yes}</td></tr>"
        )
        == 1
    )
    assert (
        page.count(
            f'<tr><th scope="row">{name}</th><td>{firm}</td><td>1</td>'
            f"<td>0 %</td><td>{no}</td></tr>"
        )
        == 1
    )
    assert (
        page.count(
            f'<tr><th scope="row">Zara Lie</th><td>{firm}</td><td>0</td>'
            f"<td></td><td>{not_taken}</td></tr>"
        )
        == 2
    )
