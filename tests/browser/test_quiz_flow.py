"""A participant takes a quiz: answers are kept across a reload, then the result."""

import re

import pytest
from playwright.sync_api import expect

from ..accounts.factories import UserFactory
from ..courses import quiz_factories as qf
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def quiz():
    return qf.quiz(
        title="Inkludering i praksis",
        key="inkludering-i-praksis",
        instructions="Tre korte spørsmål.",
        pass_mark=60,
        shuffle_choices=False,
        questions=[
            qf.question(text="Hva er arbeidstrening?"),
            qf.question(text="Hva er lønnstilskudd?"),
            qf.question(text="Hva er en mentor?"),
        ],
    )


def answer(page, position, choice):
    question = page.locator(f"#question-{position}")
    question.get_by_label(choice, exact=True).check()
    question.locator("button[type=submit]").click()


def test_participant_takes_a_quiz_and_sees_the_result(page, quiz):
    log_in(page, UserFactory().email)

    page.goto(f"/kurs/quiz/{quiz.key}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inkludering i praksis")
    expect(page.locator("#quiz-question-count")).to_have_text("3")
    expect(page.locator("#quiz-pass-mark")).to_have_text("60 %")
    assert_accessible(page)

    page.locator("#quiz-start-button").click()
    expect(page).to_have_url(re.compile(r"/kurs/quiz/forsok/\d+/$"))
    attempt_path = re.sub(r"^https?://[^/]+", "", page.url)
    expect(page.locator("#question-1 legend")).to_have_text("Hva er arbeidstrening?")
    assert_accessible(page)

    answer(page, 1, "Riktig")
    expect(page).to_have_url(re.compile(r"\?q=2$"))
    expect(page.locator("#question-2 legend")).to_have_text("Hva er lønnstilskudd?")
    answer(page, 2, "Feil")
    expect(page).to_have_url(re.compile(r"\?q=3$"))

    # Nothing is lost on a reload or on going back to an earlier question.
    page.reload()
    expect(page.locator("#question-3 legend")).to_have_text("Hva er en mentor?")
    page.locator("#quiz-nav-1").click()
    expect(page).to_have_url(re.compile(r"\?q=1$"))
    expect(
        page.locator("#question-1").get_by_label("Riktig", exact=True)
    ).to_be_checked()
    page.locator("#quiz-next").click()
    expect(page.locator("#question-2").get_by_label("Feil", exact=True)).to_be_checked()
    assert_accessible(page)

    page.goto(attempt_path + "?q=3")
    answer(page, 3, "Riktig")
    expect(page).to_have_url(re.compile(r"\?q=3#quiz-submit$"))
    expect(
        page.locator("#question-3").get_by_label("Riktig", exact=True)
    ).to_be_checked()
    expect(page.locator("#quiz-unanswered-warning")).to_have_count(0)

    page.locator("#quiz-submit-button").click()
    expect(page).to_have_url(re.compile(r"/kurs/quiz/forsok/\d+/resultat/$"))
    # Two of three right: 66.67 %, written the Norwegian way.
    expect(page.locator("#quiz-score")).to_contain_text("66,67 %")
    expect(page.locator(".quiz-result-question")).to_have_count(3)
    expect(page.locator("#result-2 .badge")).to_have_class(re.compile("text-bg-danger"))
    assert_accessible(page)
