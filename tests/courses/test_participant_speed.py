"""The participant's course pages stay cheap when the cache is empty (issue 10):
a fixed number of queries however many sessions, lessons, questions or
certificates there are, and a certificate PDF rendered once, then served from
the shared cache only to those allowed to see it."""

from http import HTTPStatus

from django.core.cache import cache
from django.urls import reverse

import pytest

from courses.selectors.participant import my_course, run_plan
from courses.services import quizzes as quiz_services

from ..cms import factories as cms_factories
from ..cms.queries import COLD_PAGE_QUERY_LIMIT, cold_queries
from . import factories
from . import quiz_factories as qf
from .test_certification_views import course_certificate

pytestmark = pytest.mark.django_db


def _participant_in_run(*, sessions: int, lessons: int):
    course_lessons = [cms_factories.lesson() for _ in range(lessons)]
    course = factories.course(sessions=sessions, lessons=course_lessons)
    run = factories.run(course_=course)
    person = factories.enrolment(run_=run).contact
    return run, person


def test_my_course_cold_queries_do_not_grow_with_sessions_and_lessons(client):
    _run, small = _participant_in_run(sessions=2, lessons=1)
    client.force_login(small)
    few, page = cold_queries(client, reverse("courses:my_course"))
    assert "Samling 2" in page.content.decode()

    run, large = _participant_in_run(sessions=6, lessons=8)
    course_certificate(run=run, user=large)
    client.force_login(large)
    many, page = cold_queries(client, reverse("courses:my_course"))
    assert "Samling 6" in page.content.decode()

    assert many == few
    assert many <= COLD_PAGE_QUERY_LIMIT


def _cold_cache_reads(client, url, monkeypatch) -> int:
    """How many reads of the shared cache a request makes with it emptied first."""
    client.get(url)
    cache.clear()
    reads = []
    get, get_many = cache.get, cache.get_many
    monkeypatch.setattr(cache, "get", lambda *a, **k: reads.append(a) or get(*a, **k))
    monkeypatch.setattr(
        cache, "get_many", lambda *a, **k: reads.append(a) or get_many(*a, **k)
    )
    try:
        assert client.get(url).status_code == HTTPStatus.OK
    finally:
        monkeypatch.undo()
    return len(reads)


def test_my_course_cold_cache_reads_do_not_grow_with_lessons(client, monkeypatch):
    """Lesson addresses are worked out with the request, so Wagtail reads the
    sites' root paths once, not once per lesson."""
    counts = []
    for lessons in (1, 9):
        _run, person = _participant_in_run(sessions=3, lessons=lessons)
        client.force_login(person)
        counts.append(
            _cold_cache_reads(client, reverse("courses:my_course"), monkeypatch)
        )
    assert counts[0] == counts[1]


def test_run_plan_links_each_lesson_as_wagtail_does_and_reads_it_from_the_cache(
    rf, django_assert_num_queries
):
    lessons = [cms_factories.lesson() for _ in range(3)]
    run = factories.run(lessons=lessons)
    cache.clear()
    plan = run_plan(run_id=run.pk, request=rf.get("/"))
    assert {(link.pk, link.url) for link in plan[0].lessons} == {
        (lesson.pk, lesson.url) for lesson in lessons
    }
    with django_assert_num_queries(0):
        again = run_plan(run_id=run.pk, request=rf.get("/"))
    assert [link.url for link in again[0].lessons] == [
        link.url for link in plan[0].lessons
    ]


def test_my_course_shows_the_next_sessions_lessons_with_their_addresses(client, rf):
    run, person = _participant_in_run(sessions=3, lessons=2)
    course = my_course(user=person, request=rf.get("/"))
    assert course.run == run
    shown = {item.lesson.url for item in course.next_session_lessons}
    lessons = run.sessions.order_by("starts_at").first().preparation_lessons.all()
    assert shown == {lesson.url for lesson in lessons}
    client.force_login(person)
    page = client.get(reverse("courses:my_course")).content.decode()
    for url in shown:
        assert f'href="{url}"' in page


def _quiz_attempt(person, questions: int):
    quiz = qf.quiz(questions=[qf.question() for _ in range(questions)])
    return quiz_services.attempt_start(quiz=quiz, user=person)


def test_quiz_question_and_result_cold_queries_do_not_grow_with_questions(client):
    counts = {}
    for questions in (2, 9):
        person = factories.enrolment(run_=factories.run()).contact
        client.force_login(person)
        attempt = _quiz_attempt(person, questions)
        question_url = reverse("courses:quiz_attempt", args=[attempt.pk]) + "?q=2"
        asked, page = cold_queries(client, question_url)
        assert f'id="quiz-nav-{questions}"' in page.content.decode()
        quiz_services.attempt_submit(attempt=attempt, user=person)
        result, _page = cold_queries(
            client, reverse("courses:quiz_result", args=[attempt.pk])
        )
        counts[questions] = (asked, result)
    assert counts[2] == counts[9]
    assert max(counts[9]) <= COLD_PAGE_QUERY_LIMIT
