"""Quiz feedback and answer inputs, rendered by templates and the form's widgets:
markup, escaping, both languages, and one query for an attempt with its
questions."""

import re
from decimal import Decimal
from http import HTTPStatus

from django.db import connection
from django.http import Http404
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from courses.forms.quiz import AnswerForm
from courses.models import QuestionKind
from courses.selectors import quizzes as selectors
from courses.selectors.quizzes import AskedQuestion, ShownChoice
from courses.services import quizzes as services

from ..accounts.factories import UserFactory
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


def squeeze(html: str) -> str:
    """The markup without the indentation between tags."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html)).strip()


def quiz_feedback(question) -> str:
    return squeeze(
        render_to_string("courses/quiz/_feedback.html", {"question": question})
    )


def quiz_choice_inputs(form) -> str:
    """The choices' inputs and labels of a question rendered with this form."""
    html = render_to_string(
        "courses/quiz/_question.html",
        {
            "item": {"question": form.question, "form": form},
            "attempt": {"pk": 1},
            "detail": {"total": 3},
        },
    )
    return "\n".join(re.findall(r'<div class="form-check">.*?</div>', squeeze(html)))


def asked(*, score, answered=True, explanation="", choices=None, kind="multiple"):
    choices = choices or [
        ShownChoice(id=1, text="A", is_correct=True, feedback="", chosen=True),
        ShownChoice(id=2, text="B", is_correct=False, feedback="", chosen=False),
    ]
    return AskedQuestion(
        position=2,
        text="Spørsmål",
        kind=kind,
        explanation=explanation,
        choices=choices,
        selected=[c.id for c in choices if c.chosen],
        answered=answered,
        score=score,
    )


@pytest.mark.parametrize(
    ("language", "badge"),
    [
        ("nb", '<span class="badge text-bg-warning">Delvis riktig (66,67 %)</span>'),
        ("en", '<span class="badge text-bg-warning">Partly correct (66.67 %)</span>'),
    ],
)
def test_a_partly_correct_answer_shows_the_share_in_the_readers_format(language, badge):
    with translation.override(language):
        html = quiz_feedback(asked(score=Decimal("0.666666")))
    assert badge in html


@pytest.mark.parametrize(
    ("score", "answered", "badge"),
    [
        (Decimal(1), True, '<span class="badge text-bg-success">Correct</span>'),
        (Decimal(0), True, '<span class="badge text-bg-danger">Not correct</span>'),
        (None, False, '<span class="badge text-bg-secondary">Not answered</span>'),
    ],
)
def test_each_outcome_has_its_badge(score, answered, badge):
    with translation.override("en"):
        html = quiz_feedback(asked(score=score, answered=answered))
    assert (
        f'<p class="quiz-outcome fw-semibold mb-2" id="outcome-2">{badge}</p>' in html
    )
    assert ('id="chosen-2"' in html) is answered


def test_the_chosen_choices_feedback_and_explanation_are_shown_escaped():
    question = asked(
        score=Decimal(0),
        explanation="Første linje <b>\n\nAndre & siste",
        choices=[
            ShownChoice(
                id=1,
                text="<script>alert(1)</script>",
                is_correct=False,
                feedback='Nei, "aldri"',
                chosen=True,
            ),
            ShownChoice(
                id=2, text="Riktig", is_correct=True, feedback="", chosen=False
            ),
        ],
    )
    with translation.override("en"):
        html = quiz_feedback(question)

    assert (
        '<p class="mb-1">Your answer:</p><ul class="quiz-chosen mb-2" id="chosen-2">'
        "<li>&lt;script&gt;alert(1)&lt;/script&gt;"
        '<span class="text-danger">(your choice, not a correct answer)</span><br>'
        '<span class="quiz-choice-feedback">Nei, &quot;aldri&quot;</span></li>'
        "</ul>"
    ) in html
    assert "Riktig" not in html  # not chosen
    assert (
        '<div class="quiz-explanation" id="explanation-2">'
        '<p class="mb-1 fw-semibold">Explanation</p>'
        "<p>Første linje &lt;b&gt;</p><p>Andre &amp; siste</p></div>"
    ) in html


def test_radio_buttons_are_required_and_checkboxes_are_not():
    single = asked(score=None, answered=False, kind=QuestionKind.SINGLE)
    html = quiz_choice_inputs(AnswerForm(question=single))
    assert html == (
        '<div class="form-check"><input type="radio" name="choice" value="1"'
        ' class="form-check-input" id="id_q2_choice_0" required checked>'
        '<label class="form-check-label" for="id_q2_choice_0">A</label></div>\n'
        '<div class="form-check"><input type="radio" name="choice" value="2"'
        ' class="form-check-input" id="id_q2_choice_1" required>'
        '<label class="form-check-label" for="id_q2_choice_1">B</label></div>'
    )

    multiple = asked(score=None, answered=False, kind=QuestionKind.MULTIPLE)
    html = quiz_choice_inputs(AnswerForm(question=multiple))
    assert 'type="checkbox"' in html
    assert "required" not in html


def test_a_refused_answer_keeps_what_was_sent_and_escapes_labels():
    question = asked(
        score=None,
        answered=False,
        kind=QuestionKind.MULTIPLE,
        choices=[
            ShownChoice(id=1, text="<i>", is_correct=True, feedback="", chosen=False),
            ShownChoice(id=2, text="B", is_correct=False, feedback="", chosen=False),
        ],
    )
    form = AnswerForm({"choice": ["2"]}, question=question)
    html = quiz_choice_inputs(form)
    assert 'value="1" class="form-check-input" id="id_q2_choice_0">' in html
    assert 'value="2" class="form-check-input" id="id_q2_choice_1" checked>' in html
    assert 'for="id_q2_choice_0">&lt;i&gt;</label>' in html


@pytest.fixture
def quiz():
    return qf.quiz(
        shuffle_choices=False,
        questions=[qf.question(), qf.question(kind=QuestionKind.MULTIPLE)],
    )


def test_an_attempt_with_its_questions_is_one_query_and_only_for_its_owner(quiz):
    person = UserFactory()
    attempt = services.attempt_start(quiz=quiz, user=person)
    with CaptureQueriesContext(connection) as queries:
        detail = selectors.attempt_with_questions(attempt_pk=attempt.pk, user=person)
    assert len(queries) == 1
    assert detail.attempt == attempt
    assert detail.attempt.quiz == quiz
    assert [q.position for q in detail.questions] == [1, 2]

    with pytest.raises(Http404):
        selectors.attempt_with_questions(attempt_pk=attempt.pk, user=UserFactory())


def test_the_one_page_view_remembers_itself_in_each_form(client, quiz):
    person = UserFactory()
    attempt = services.attempt_start(quiz=quiz, user=person)
    client.force_login(person)
    url = reverse("courses:quiz_attempt", args=[attempt.pk])

    html = client.get(url + "?alle=1").content.decode()
    assert (
        '<input type="hidden" name="all_on_one" value="True" id="id_q1_all_on_one">'
    ) in html
    assert 'id="id_q2_all_on_one"' in html

    response = client.get(url + "?q=2")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<input type="hidden" name="all_on_one" id="id_q2_all_on_one">' in html
    assert 'aria-current="step"' in html
    assert html.count('aria-current="step"') == 1


def test_the_navigation_marks_the_current_and_the_answered_questions(client, quiz):
    person = UserFactory()
    attempt = services.attempt_start(quiz=quiz, user=person)
    first = attempt.questions.get(position=1)
    services.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(first, "Riktig"),
        user=person,
    )
    client.force_login(person)
    client.cookies["django_language"] = "en"
    url = reverse("courses:quiz_attempt", args=[attempt.pk])

    html = client.get(url + "?q=2").content.decode()
    # Buttons of the question's form: going to another question saves this one.
    assert (
        '<button type="submit" form="quiz-answer-form" formnovalidate name="go"'
        ' value="1" id="quiz-nav-1" class="btn btn-sm'
        ' btn-outline-success">1<span class="visually-hidden"> (answered)</span>'
        " ✓</button>"
    ) in html
    assert (
        'name="go" value="2" id="quiz-nav-2" class="btn btn-sm btn-primary"'
        ' aria-current="step">2<span class="visually-hidden"> (not answered)</span>'
        "</button>"
    ) in html

    html = client.get(url + "?alle=1").content.decode()
    assert 'href="#question-2">2<span' in html
    assert 'aria-current="step"' not in html
