""" "My course" for a person in several runs: switching between their own runs
only, and every session with what to prepare for it, past ones marked."""

import re
from datetime import timedelta
from http import HTTPStatus

from django.test import Client
from django.urls import reverse

import pytest

from courses.selectors import participant as selectors
from courses.services import progress

from ..cms import factories as cms
from . import factories

pytestmark = pytest.mark.django_db

URL = reverse("courses:my_course")


def english(user) -> Client:
    browser = Client()
    browser.cookies["django_language"] = "en"
    browser.force_login(user)
    return browser


@pytest.fixture
def lessons():
    area = cms.area()
    return [cms.lesson(parent=area, title=f"Leksjon {n}") for n in (1, 2, 3)]


@pytest.fixture
def two_runs(lessons):
    later = factories.run(lessons=lessons[:1], starts_in_days=40)
    sooner = factories.run(lessons=lessons[1:], starts_in_days=3)
    person = factories.enrolment(run_=later).contact
    factories.enrolment(run_=sooner).participants.add(person)
    return person, sooner, later


def test_a_person_in_two_runs_can_switch_between_them(two_runs):
    person, sooner, later = two_runs
    client = english(person)

    response = client.get(URL)
    assert response.context["course"].run == sooner
    html = response.content.decode()
    switcher = html[
        html.index('id="my-runs"') : html.index("</nav>", html.index('id="my-runs"'))
    ]
    assert f'href="{URL}?run={later.pk}"' in switcher
    assert f'href="{URL}?run={sooner.pk}"' in switcher
    assert re.search(
        rf'href="{re.escape(URL)}\?run={sooner.pk}"\s+aria-current="page"', switcher
    )

    response = client.get(URL, {"run": later.pk})
    assert response.status_code == HTTPStatus.OK
    assert response.context["course"].run == later
    html = response.content.decode()
    assert f'<p class="lead">{later.title}' in html
    assert re.search(
        rf'href="{re.escape(URL)}\?run={later.pk}"\s+aria-current="page"', html
    )


def test_one_run_needs_no_switcher(lessons):
    person = factories.enrolment(run_=factories.run(lessons=lessons)).contact
    html = english(person).get(URL).content.decode()
    assert 'id="my-runs"' not in html


@pytest.mark.parametrize("value", ["other", "missing", "abc", ""])
def test_a_run_that_is_not_the_persons_own_is_not_found(two_runs, value):
    person, _sooner, _later = two_runs
    strangers = factories.run()
    factories.enrolment(run_=strangers)
    run_id = {"other": strangers.pk, "missing": 999999, "abc": "abc", "": ""}[value]
    response = english(person).get(URL, {"run": run_id})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert strangers.title not in response.content.decode()


def test_someone_in_no_run_asking_for_one_is_not_found(db):
    run = factories.run()
    factories.enrolment(run_=run)
    response = english(factories.leader()).get(URL, {"run": run.pk})
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_every_session_shows_what_to_prepare_and_past_ones_are_marked(lessons):
    course = factories.course(sessions=3)
    for template, lesson in zip(
        course.session_templates.order_by("position"), lessons, strict=True
    ):
        template.preparation_lessons.set([lesson])
    run = factories.run(course_=course, starts_in_days=2)
    person = factories.enrolment(run_=run).contact
    progress.lesson_mark_done(user=person, lesson=lessons[0])
    first = run.sessions.get(position=1)
    first.starts_at -= timedelta(days=20)
    first.ends_at -= timedelta(days=20)
    first.save()

    course_ = selectors.my_course(user=person)
    assert [
        (plan.session.position, plan.is_past, plan.is_next)
        for plan in course_.session_plans
    ] == [(1, True, False), (2, False, True), (3, False, False)]
    assert [
        [(item.lesson.title, item.done) for item in plan.lessons]
        for plan in course_.session_plans
    ] == [[("Leksjon 1", True)], [("Leksjon 2", False)], [("Leksjon 3", False)]]

    html = english(person).get(URL).content.decode()
    listing = html[html.index('id="all-sessions"') :]
    listing = listing[: listing.index("</ol>")]
    starts = [listing.index(f'id="session-{n}"') for n in (1, 2, 3)]
    items = {
        n: listing[start:end]
        for n, start, end in zip((1, 2, 3), starts, [*starts[1:], None], strict=True)
    }
    assert "Over" in items[1] and "Prepared for this session:" in items[1]
    assert "Leksjon 1</a> – Done" in items[1]
    assert "Next" in items[2] and "Prepare for this session:" in items[2]
    assert "Leksjon 2</a> – Not done" in items[2]
    assert "Prepare for this session:" in items[3] and "Leksjon 3" in items[3]
    assert "Over" not in items[3]


def test_my_course_with_required_quizzes_stays_within_the_cold_page_budget(client):
    from courses.services import quizzes as quiz_services

    from ..cms.queries import COLD_PAGE_QUERY_LIMIT, cold_queries
    from . import quiz_factories as qf

    counts = []
    for quizzes, people in ((1, 2), (4, 6)):
        course = factories.course(sessions=3)
        required = [qf.quiz(questions=[qf.question()]) for _ in range(quizzes)]
        course.required_quizzes.set(required)
        run = factories.run(course_=course)
        enrolment = factories.enrolment(run_=run, participants=people)
        for person in enrolment.participants.all():
            for quiz in required:
                attempt = quiz_services.attempt_start(quiz=quiz, user=person)
                quiz_services.attempt_submit(attempt=attempt, user=person)
        client.force_login(enrolment.contact)
        count, page = cold_queries(client, URL)
        assert page.content.decode().count('data-rule="quiz:') == quizzes
        counts.append(count)
    assert counts[0] == counts[1]
    assert counts[1] <= COLD_PAGE_QUERY_LIMIT
