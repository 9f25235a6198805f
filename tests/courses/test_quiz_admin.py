"""Editors keep the question bank in the Wagtail admin, with validated choices."""

from http import HTTPStatus

from django.contrib.auth.models import Group

from wagtail.admin.panels import get_edit_handler

import pytest

from courses.models import Question
from courses.services.quizzes import SINGLE_NEEDS_ONE_CORRECT_MESSAGE
from lms.accounts import services as accounts
from lms.accounts.roles import Role

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(kind="single", choices=(("A", True), ("B", False)), **extra):
    data = {
        "text": "Hva er arbeidstrening?",
        "kind": kind,
        "area": "measures",
        "measure": "",
        "explanation": "Fordi arbeidsgiveren får prøve.",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "2",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for i, (text, correct) in enumerate(choices):
        data.update(
            {
                f"choices-{i}-text": text,
                f"choices-{i}-feedback": "",
                f"choices-{i}-ORDER": str(i + 1),
                f"choices-{i}-id": "",
                f"choices-{i}-DELETE": "",
            }
        )
        if correct:
            data[f"choices-{i}-is_correct"] = "on"
    data.update(extra)
    return data


def question_form(data):
    form_class = get_edit_handler(Question).get_form_class()
    return form_class(data, instance=Question())


def test_single_choice_with_two_correct_choices_is_refused():
    form = question_form(form_data(choices=(("A", True), ("B", True))))
    assert not form.is_valid()
    assert str(SINGLE_NEEDS_ONE_CORRECT_MESSAGE) in form.non_field_errors()


def test_valid_question_is_accepted():
    assert question_form(form_data()).is_valid()


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COURSE_LEADER])
def test_editors_and_course_leaders_add_questions_in_the_admin(client, role):
    person = UserFactory()
    accounts.role_grant(user=person, role=role)
    client.force_login(person)
    response = client.post("/admin/snippets/courses/question/add/", form_data())
    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get()
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("A", True),
        ("B", False),
    ]


def test_bad_question_in_the_admin_saves_nothing(client):
    person = UserFactory()
    accounts.role_grant(user=person, role=Role.EDITOR)
    client.force_login(person)
    response = client.post(
        "/admin/snippets/courses/question/add/",
        form_data(choices=(("A", False), ("", False))),
    )
    assert response.status_code == HTTPStatus.OK
    assert not Question.objects.exists()


def test_participants_cannot_reach_the_question_bank(client, member):
    client.force_login(member)
    response = client.get("/admin/snippets/courses/question/")
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert Group.objects.filter(name=Role.PARTICIPANT.value).exists()
