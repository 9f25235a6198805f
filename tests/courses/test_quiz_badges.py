"""The result badges read in the page's language, and a partly right
multiple-choice answer is explained in words."""

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

import pytest

from courses.models import QuestionKind
from courses.services import quizzes as services

from ..accounts.factories import UserFactory
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db


@pytest.fixture
def result_url():
    """A submitted attempt: right, wrong (one of two right choices and a wrong
    one, all or nothing), partly right (partial credit), and one unanswered."""
    person = UserFactory()
    quiz = qf.quiz(
        shuffle_choices=False,
        questions=[
            qf.question(text="Enkelt"),
            qf.question(kind=QuestionKind.MULTIPLE, text="Alt eller ingenting"),
            qf.question(
                kind=QuestionKind.MULTIPLE, text="Delpoeng", partial_credit=True
            ),
            qf.question(kind=QuestionKind.TRUE_FALSE, text="Sant eller usant"),
        ],
    )
    attempt = services.attempt_start(quiz=quiz, user=person)
    asked = {item.position: item for item in attempt.questions.all()}
    for position, texts in ((1, ["Riktig"]), (2, ["A", "C"]), (3, ["A"])):
        services.answer_save(
            attempt=attempt,
            position=position,
            choice_ids=qf.ids(asked[position], *texts),
            user=person,
        )
    services.attempt_submit(attempt=attempt, user=person)
    client = Client()
    client.force_login(person)
    return client, reverse("courses:quiz_result", args=[attempt.pk])


def block(html: str, position: int) -> str:
    start = html.index(f'id="result-{position}"')
    following = html.find(f'id="result-{position + 1}"', start)
    return html[start : following if following > 0 else html.index("</ol>", start)]


def chose(language, *, chosen, correct, wrong=0) -> str:
    with translation.override(language):
        text = ngettext(
            "You chose %(chosen)s of the %(correct)s correct answer.",
            "You chose %(chosen)s of the %(correct)s correct answers.",
            correct,
        ) % {"chosen": chosen, "correct": correct}
        if wrong:
            text += " " + ngettext(
                "You also chose %(wrong)s answer that is not correct.",
                "You also chose %(wrong)s answers that are not correct.",
                wrong,
            ) % {"wrong": wrong}
    return text


def test_badges_are_norwegian_on_a_norwegian_page(result_url):
    client, url = result_url
    html = client.get(url).content.decode()
    assert '<html lang="nb"' in html
    assert '<span class="badge text-bg-success">Riktig</span>' in block(html, 1)
    assert '<span class="badge text-bg-danger">Ikke riktig</span>' in block(html, 2)
    assert '<span class="badge text-bg-warning">Delvis riktig (50 %)</span>' in block(
        html, 3
    )
    assert '<span class="badge text-bg-secondary">Ikke besvart</span>' in block(html, 4)
    for english in (">Correct<", ">Not correct<", ">Not answered<", "(right)"):
        assert english not in html


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_partly_right_multiple_choice_answer_is_explained(result_url, language):
    client, url = result_url
    client.cookies["django_language"] = language
    html = " ".join(client.get(url).content.decode().split())
    with translation.override(language):
        all_or_nothing = gettext(
            "This question counts as correct only when you choose every correct "
            "answer and nothing else."
        )
        shares = gettext(
            "Each correct answer you choose earns its share of the point, and each "
            "answer that is not correct takes a share away."
        )
        right = gettext("your choice, a correct answer")
        wrong = gettext("your choice, not a correct answer")
    second, third = block(html, 2), block(html, 3)
    assert chose(language, chosen=1, correct=2, wrong=1) in second
    assert all_or_nothing in second
    assert f'A <span class="text-success">({right})</span>' in second
    assert f'C <span class="text-danger">({wrong})</span>' in second
    assert chose(language, chosen=1, correct=2) in third
    assert shares in third
    # Single choice and a right answer need no such sentence.
    assert 'id="partial-1"' not in html and 'id="partial-4"' not in html
