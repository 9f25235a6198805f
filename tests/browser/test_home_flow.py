"""Landing on the home after login (tests/home has the rules): a participant at
390 px sees the quizzes that count for the firm, a course leader sees the plans
waiting; at 1280 px a person with several roles sees each part. axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import PlanStatus
from lms.accounts import services as accounts
from lms.accounts.roles import Role

from ..courses import factories
from ..home import builders
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def tab(browser, live_server, width, height):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": height},
        locale="nb-NO",
    )
    page = context.new_page()
    page.errors = []
    page.on(
        "console", lambda m: page.errors.append(m.text) if m.type == "error" else None
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


@pytest.fixture
def phone(browser, live_server):
    context, page = tab(browser, live_server, 390, 844)
    yield page
    context.close()
    assert page.errors == []


@pytest.fixture
def desktop(browser, live_server):
    context, page = tab(browser, live_server, 1280, 900)
    yield page
    context.close()
    assert page.errors == []


def in_english(page):
    """The new texts are checked in English, whatever Norwegian they get later."""
    page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": page.url}]
    )
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_participant_lands_on_the_home_and_sees_the_quizzes_that_count(phone):
    page = phone
    lesson = builders.a_lesson("Hva er inkludering?")
    run, quiz = builders.run_with_quiz(lessons=[lesson])
    ours = builders.firm_in(run, name="Askerbakeriet AS", participants=2)
    contact, participant = ours.people
    builders.take_quiz(quiz, contact)

    log_in(page, participant.email)
    expect(page).to_have_url(re.compile(r"/hjem/$"))
    in_english(page)

    part = page.locator("#home-participant")
    expect(part).to_contain_text(run.title)
    expect(part).to_contain_text("1. Samling 1")
    expect(page.locator("#home-to-study")).to_contain_text(lesson.title)
    quizzes = page.locator("#home-quizzes")
    expect(quizzes.get_by_role("link", name=quiz.title)).to_be_visible()
    expect(quizzes).to_contain_text("Passed for your firm")
    expect(quizzes).to_contain_text(contact.get_full_name())
    assert_accessible(page)

    # The collapsed menu has the participant's own entries, not the contact's.
    page.get_by_role("button", name=re.compile("menu")).click()
    menu = page.locator("#main-menu")
    expect(menu.get_by_role("link", name="My course")).to_be_visible()
    expect(menu.get_by_role("link", name="My firm")).to_be_visible()
    expect(menu.get_by_role("link", name="Inclusion plan")).to_have_count(0)
    assert_accessible(page)

    quizzes.get_by_role("link", name=quiz.title).click()
    expect(page).to_have_url(re.compile(rf"/kurs/quiz/{quiz.key}/$"))


def test_a_course_leader_lands_on_the_home_and_sees_the_plans_waiting(phone):
    page = phone
    leader = factories.leader()
    run, _quiz = builders.run_with_quiz(leaders=[leader])
    waiting = builders.firm_in(run, name="Venter Bakeri AS")
    builders.plan(waiting, PlanStatus.SUBMITTED)

    log_in(page, leader.email)
    expect(page).to_have_url(re.compile(r"/hjem/$"))
    in_english(page)

    plans = page.locator("#home-plans-waiting")
    expect(plans).to_contain_text(run.title)
    assert_accessible(page)
    plans.get_by_role("link", name="Venter Bakeri AS").click()
    expect(page).to_have_url(re.compile(rf"/kurs/plan/{waiting.pk}/review/$"))


def test_several_roles_see_each_part_on_a_wide_screen(desktop):
    page = desktop
    run, quiz = builders.run_with_quiz()
    ours = builders.firm_in(run, name="Askerbakeriet AS", participants=1)
    someone = ours.contact
    for role in (Role.COURSE_LEADER, Role.EDITOR):
        accounts.role_grant(user=someone, role=role)

    log_in(page, someone.email)
    in_english(page)

    for part in ("#home-leader", f"#home-firm-{ours.firm.pk}", "#home-participant"):
        expect(page.locator(part)).to_be_visible()
    expect(page.locator("#home-editor")).to_be_visible()
    expect(page.locator("#home-start")).to_have_count(0)
    expect(page.locator("#home-recent")).to_contain_text("Nothing new.")
    assert_accessible(page)
