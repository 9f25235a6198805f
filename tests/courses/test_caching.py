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
