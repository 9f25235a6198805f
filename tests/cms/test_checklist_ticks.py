"""Checklists in lessons: tickable and remembered for a logged-in reader, a plain
list for visitors, and a reader's ticks never reach the visitors' shared copy."""

import uuid
from http import HTTPStatus

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from courses.models import ChecklistTick
from courses.services.checklists import (
    CHECKLIST_ITEM_UNKNOWN_MESSAGE,
    CHECKLIST_SAVED_MESSAGE,
    CHECKLIST_UNKNOWN_MESSAGE,
)
from lms.accounts.personal_data import export

from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db

BLOCK_ID = str(uuid.uuid4())
ITEMS = ["Les stillingsannonsen", "Avtal et møte med NAV", "Velg en fadder"]


@pytest.fixture
def lesson():
    return factories.lesson(
        body=[
            {"type": "paragraph", "value": "<p>Før oppstart.</p>"},
            {
                "type": "checklist",
                "id": BLOCK_ID,
                "value": {"title": "Før første dag", "items": ITEMS},
            },
        ]
    )


def _save_url(lesson, block_id=BLOCK_ID):
    return reverse("courses:checklist_ticks_save", args=[lesson.pk, block_id])


def _checkboxes(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    section = soup.find(id=f"checklist-{BLOCK_ID}")
    return section, section.find_all("input", attrs={"type": "checkbox"})


def test_a_visitor_sees_a_plain_list_with_nothing_to_tick(client, lesson):
    response = client.get(lesson.url)
    section, boxes = _checkboxes(response)
    assert boxes == []
    assert section.find("form") is None
    assert [li.get_text() for li in section.find_all("li")] == ITEMS
    assert "checklist.js" not in response.content.decode()


def test_a_reader_ticks_and_the_ticks_are_remembered(client, member, lesson):
    client.force_login(member)
    section, boxes = _checkboxes(client.get(lesson.url))
    assert [box.has_attr("checked") for box in boxes] == [False, False, False]
    for box in boxes:
        label = section.find("label", attrs={"for": box["id"]})
        assert label.get_text() in ITEMS
    assert section.find("form")["action"] == _save_url(lesson)

    response = client.post(_save_url(lesson), {"item": ["0", "2"]}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, CHECKLIST_SAVED_MESSAGE)
    _section, boxes = _checkboxes(client.get(lesson.url))
    assert [box.has_attr("checked") for box in boxes] == [True, False, True]

    # Unticking one: the post holds only what is ticked now.
    response = client.post(
        _save_url(lesson), {"item": ["2"]}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"] is True
    assert set(
        ChecklistTick.objects.filter(user=member).values_list("item_index", flat=True)
    ) == {2}


def test_ticks_are_the_readers_own(client, member, user, lesson):
    client.force_login(member)
    client.post(_save_url(lesson), {"item": ["1"]})
    client.force_login(user)
    _section, boxes = _checkboxes(client.get(lesson.url))
    assert [box.has_attr("checked") for box in boxes] == [False, False, False]


def test_ticks_never_enter_the_visitors_shared_copy(member, lesson):
    reader = Client()
    reader.force_login(member)
    reader.post(_save_url(lesson), {"item": ["0", "1", "2"]})
    # The reader's page is rendered first, then a visitor's.
    _section, boxes = _checkboxes(reader.get(lesson.url))
    assert all(box.has_attr("checked") for box in boxes)

    visitor = Client()
    first = visitor.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        again = visitor.get(lesson.url)
    assert len(queries.captured_queries) == 0  # served from the shared copy
    for response in (first, again):
        section, boxes = _checkboxes(response)
        assert boxes == []
        assert "checked" not in str(section)
        assert "csrfmiddlewaretoken" not in response.content.decode()

    # And a reader coming after the visitor still gets their own ticks.
    _section, boxes = _checkboxes(reader.get(lesson.url))
    assert all(box.has_attr("checked") for box in boxes)


def test_an_unknown_checklist_or_point_is_refused_and_nothing_saved(
    client, member, lesson
):
    client.force_login(member)
    client.cookies["django_language"] = "en"
    response = client.post(
        _save_url(lesson, block_id=str(uuid.uuid4())), {"item": ["0"]}, follow=True
    )
    assert_shows_message(response, CHECKLIST_UNKNOWN_MESSAGE)
    response = client.post(
        _save_url(lesson), {"item": ["3"]}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["message"] == str(CHECKLIST_ITEM_UNKNOWN_MESSAGE)
    response = client.post(_save_url(lesson), {"item": ["x"]}, follow=True)
    assert_shows_message(response, CHECKLIST_ITEM_UNKNOWN_MESSAGE)
    assert not ChecklistTick.objects.exists()


def test_a_visitor_cannot_tick(client, lesson):
    response = client.post(_save_url(lesson), {"item": ["0"]})
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]
    assert not ChecklistTick.objects.exists()


def test_ticks_are_in_the_readers_data_and_go_with_the_account(client, member, lesson):
    client.force_login(member)
    client.post(_save_url(lesson), {"item": ["1"]})
    exported = export(member)["checklist_ticks"]
    assert [(row["checklist"], row["item"]) for row in exported] == [
        ("Før første dag", ITEMS[1])
    ]
