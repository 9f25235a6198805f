"""Every way off a quiz question keeps the answer chosen there (on a 390 px phone):
the question navigation, previous and next, all questions on one page, and
submitting save it on the way; leaving the quiz by another link asks first."""

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
def phone(browser, live_server):
    """A 390 px wide tab; fails the test on console errors."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="nb-NO"
    )
    tab = context.new_page()
    errors = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


@pytest.fixture
def quiz():
    return qf.quiz(
        title="Veier ut",
        key="veier-ut",
        shuffle_choices=False,
        questions=[
            qf.question(text="Første spørsmål?"),
            qf.question(text="Andre spørsmål?"),
            qf.question(text="Tredje spørsmål?"),
            qf.question(text="Fjerde spørsmål?"),
        ],
    )


def choose(page, position, choice):
    page.locator(f"#question-{position}").get_by_label(choice, exact=True).check()


def expect_question(page, position):
    expect(page).to_have_url(re.compile(rf"\?q={position}$"))
    expect(page.locator(f"#question-{position}")).to_be_visible()


def expect_chosen(page, position, choice):
    expect(
        page.locator(f"#question-{position}").get_by_label(choice, exact=True)
    ).to_be_checked()


def test_every_way_off_a_question_saves_its_answer(phone, quiz):
    page = phone
    log_in(page, UserFactory().email)
    page.goto(f"/kurs/quiz/{quiz.key}/")
    page.locator("#quiz-start-button").click()
    expect(page.locator("#question-1")).to_be_visible()
    assert_accessible(page)

    # "Neste spørsmål" (the defect: this used to discard the answer).
    choose(page, 1, "Feil")
    page.locator("#quiz-next").click()
    expect_question(page, 2)

    # "Forrige spørsmål".
    choose(page, 2, "Riktig")
    page.locator("#quiz-previous").click()
    expect_question(page, 1)
    expect_chosen(page, 1, "Feil")

    # A question number in the question navigation.
    choose(page, 1, "Riktig")  # changed: the new answer is saved
    page.locator("#quiz-nav-3").click()
    expect_question(page, 3)
    expect(page.locator("#quiz-answered-count")).to_contain_text("2")
    choose(page, 3, "Også feil")
    page.locator("#quiz-nav-2").click()
    expect_question(page, 2)
    expect_chosen(page, 2, "Riktig")
    assert_accessible(page)

    # "Vis alle spørsmål på én side".
    page.locator("#quiz-nav-4").click()
    expect_question(page, 4)
    choose(page, 4, "Riktig")
    page.locator("#quiz-all-on-one").click()
    expect(page).to_have_url(re.compile(r"\?alle=1#question-4$"))
    expect_chosen(page, 1, "Riktig")
    expect_chosen(page, 2, "Riktig")
    expect_chosen(page, 3, "Også feil")
    expect_chosen(page, 4, "Riktig")
    expect(page.locator("#quiz-unanswered-warning")).to_have_count(0)
    assert_accessible(page)

    # Submitting from a question page saves the answer on it first.
    page.locator("#quiz-one-per-page").click()
    expect(page.locator("#question-1")).to_be_visible()
    choose(page, 1, "Feil")
    page.locator("#quiz-submit-button").click()
    expect(page).to_have_url(re.compile(r"/resultat/$"))
    # Question 1 now wrong, 2 and 4 right, 3 wrong: 50 %.
    expect(page.locator("#quiz-score")).to_contain_text("50 %")
    expect(page.locator("#result-1 .badge")).to_have_class(re.compile("text-bg-danger"))
    assert_accessible(page)


def test_leaving_the_quiz_by_another_link_asks_first(phone, quiz):
    page = phone
    log_in(page, UserFactory().email)
    page.goto(f"/kurs/quiz/{quiz.key}/")
    page.locator("#quiz-start-button").click()
    choose(page, 1, "Riktig")

    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    page.get_by_role("button", name=re.compile("menyen")).click()
    page.get_by_role("link", name="Min profil").click()
    expect(page.locator("#question-1")).to_be_visible()
    assert asked == ["beforeunload"]
    expect_chosen(page, 1, "Riktig")

    # Saved, the page lets the person go without asking.
    page.locator("#question-1 .quiz-save-button").click()
    expect_question(page, 2)
    page.get_by_role("button", name=re.compile("menyen")).click()
    page.get_by_role("link", name="Min profil").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))


def test_a_choice_made_before_the_page_script_ran_still_counts(phone, quiz):
    """On a slow phone a person may tap an answer before quiz.js has loaded; the
    ask-before-leaving must still see it (it compares with the saved answers)."""
    page = phone
    log_in(page, UserFactory().email)
    page.goto(f"/kurs/quiz/{quiz.key}/")
    held = []
    page.route("**/js/quiz*.js", lambda route: held.append(route))
    page.locator("#quiz-start-button").click()
    expect(page.locator("#question-1")).to_be_visible()
    choose(page, 1, "Riktig")  # the script has not run yet
    assert held, "quiz.js was requested"
    held[0].continue_()
    page.wait_for_load_state("load")

    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    page.get_by_role("button", name=re.compile("menyen")).click()
    page.get_by_role("link", name="Min profil").click()
    expect(page.locator("#question-1")).to_be_visible()
    assert asked == ["beforeunload"]
