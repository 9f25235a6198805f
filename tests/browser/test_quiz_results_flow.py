"""A course leader follows a required quiz from the run overview to its statistics."""

import pytest
from playwright.sync_api import expect

from ..courses import factories
from ..courses import quiz_factories as qf
from ..courses.test_quiz_results import take
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_sees_per_question_statistics_of_a_required_quiz(page):
    quiz = qf.quiz(
        questions=[qf.question(text="Hva er NAV?"), qf.question(text="Hva er IA?")],
        shuffle_choices=False,
        pass_mark=50,
    )
    run = factories.run()
    run.course.required_quizzes.add(quiz)
    enrolment = factories.enrolment(run_=run, participants=2)
    first, second = enrolment.participants.order_by("pk")
    take(quiz, first, {1: ["Riktig"], 2: ["Riktig"]})
    take(quiz, second, {1: ["Feil"]})

    log_in(page, run.leaders.get().email)
    page.goto(f"/kurs/ledelse/{run.pk}/")
    # The firm's column: one of two participants passed.
    expect(page.locator("#overview-heading")).to_be_visible()
    expect(page.get_by_role("cell", name="1/2", exact=True)).to_be_visible()
    assert_accessible(page)

    page.locator(f"#quiz-{quiz.pk}-statistics").click()
    page.wait_for_url(f"**/kurs/ledelse/{run.pk}/quiz/{quiz.pk}/")
    questions = page.locator("#quiz-questions tbody tr")
    expect(questions).to_have_count(2)
    expect(questions.first).to_contain_text("Hva er NAV?")
    expect(questions.first).to_contain_text("50 %")
    expect(page.locator("table.quiz-choices")).to_have_count(2)
    expect(page.locator("table.quiz-choices").first.locator("tbody tr")).to_have_count(
        3
    )
    assert_accessible(page)

    # Keyboard: the question link jumps to its choices.
    page.locator("#quiz-questions tbody tr").nth(1).get_by_role("link").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0]}#question-2")
