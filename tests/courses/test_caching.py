"""Cached reads never serve stale content after an edit."""

from datetime import timedelta

import pytest

from courses.selectors.participant import run_plan

from ..cms import factories as cms_factories
from . import factories

pytestmark = pytest.mark.django_db


def test_run_plan_follows_session_and_lesson_changes():
    first_lesson = cms_factories.lesson(title="Første leksjon")
    run = factories.run(lessons=[first_lesson])
    plan = run_plan(run_id=run.pk)
    assert [link.title for link in plan[0].lessons] == ["Første leksjon"]

    session = run.sessions.get(position=1)
    second_lesson = cms_factories.lesson(title="Andre leksjon")
    session.preparation_lessons.add(second_lesson)
    plan = run_plan(run_id=run.pk)
    assert sorted(link.title for link in plan[0].lessons) == [
        "Andre leksjon",
        "Første leksjon",
    ]

    session.place = "Bibliotek"
    session.starts_at += timedelta(hours=1)
    session.ends_at += timedelta(hours=1)
    session.save()
    assert run_plan(run_id=run.pk)[0].place == "Bibliotek"

    first_lesson.title = "Omdøpt leksjon"
    first_lesson.save_revision().publish()
    titles = [link.title for link in run_plan(run_id=run.pk)[0].lessons]
    assert "Omdøpt leksjon" in titles


def test_home_page_shows_a_new_run_at_once(client):
    client.get("/")  # cache the front page
    run = factories.run()
    assert run.title in client.get("/").content.decode()


def test_my_course_shows_session_changes_and_the_next_session_at_once(client):
    from django.urls import reverse

    run = factories.run(starts_in_days=10)
    person = factories.enrolment(run_=run).contact
    other_run = factories.run(starts_in_days=20)
    other_person = factories.enrolment(run_=other_run).contact
    first, second, _third = run.sessions.order_by("position")
    client.force_login(person)
    client.get(reverse("courses:my_course"))  # cache the run's session markup

    first.place = "Bibliotek"
    first.save()
    html = client.get(reverse("courses:my_course")).content.decode()
    assert html.count("Bibliotek") == 2  # the next session and the list of all

    # The first session is over: the next one is the second.
    first.starts_at -= timedelta(days=30)
    first.ends_at -= timedelta(days=30)
    first.save()
    response = client.get(reverse("courses:my_course"))
    assert response.context["course"].next_session == second
    html = response.content.decode()
    next_card = html[html.index('id="next-session"') : html.index("</section>")]
    assert f"{second.position}. {second.title}" in next_card

    # Another run's participant sees their own run, not the cached one.
    client.force_login(other_person)
    html = client.get(reverse("courses:my_course")).content.decode()
    assert other_run.title in html
    assert "Bibliotek" not in html
