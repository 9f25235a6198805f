"""At 390 px: a participant whose attempts ran out is told what to do next, sees
the quizzes that count on "my course", the course leader gives one more attempt,
and the participant can start again."""

import re

import pytest
from playwright.sync_api import expect

from courses.services import quizzes as services

from ..courses import factories
from ..courses import quiz_factories as qf
from .conftest import assert_accessible, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def setting():
    quiz = qf.quiz(
        title="Grunnkurs i inkludering",
        key="grunnkurs",
        attempts_allowed=1,
        pass_mark=100,
        questions=[qf.question(text="Hva er arbeidstrening?")],
    )
    course = factories.course()
    course.required_quizzes.set([quiz])
    run = factories.run(course_=course)
    enrolment = factories.enrolment(run_=run, participants=2)
    person = enrolment.contact
    colleague = next(p for p in enrolment.participants.all() if p != person)
    # The colleague passed; the person used their one attempt and failed.
    for who, text in ((colleague, "Riktig"), (person, "Feil")):
        attempt = services.attempt_start(quiz=quiz, user=who)
        asked = attempt.questions.get()
        services.answer_save(
            attempt=attempt, position=1, choice_ids=qf.ids(asked, text), user=who
        )
        services.attempt_submit(attempt=attempt, user=who)
    return quiz, run, person, colleague


def test_attempts_run_out_the_leader_grants_one_more(page, browser, setting):
    quiz, run, person, colleague = setting
    page.set_viewport_size(PHONE)

    log_in(page, person.email)
    page.goto("/kurs/mitt-kurs/")
    required = page.locator(f"#required-quiz-{quiz.pk}")
    expect(required).to_contain_text("Grunnkurs i inkludering")
    expect(required.locator(".quiz-firm")).to_contain_text(str(colleague))
    assert_accessible(page)

    page.goto(f"/kurs/quiz/{quiz.key}/")
    expect(page.locator("#quiz-start-button")).to_have_count(0)
    next_step = page.locator("#quiz-no-attempts")
    expect(next_step).to_be_visible()
    leader = run.leaders.get()
    expect(next_step.locator(f'a[href^="mailto:{leader.email}"]')).to_be_visible()
    assert_accessible(page)

    # The course leader, on a phone too, gives one more attempt.
    leader_context = browser.new_context(
        base_url=page.url.split("/kurs/")[0], locale="nb-NO", viewport=PHONE
    )
    leader_page = leader_context.new_page()
    try:
        log_in(leader_page, leader.email)
        leader_page.goto(f"/kurs/ledelse/{run.pk}/quiz/{quiz.pk}/")
        expect(leader_page.locator(f"#standing-{person.pk}")).to_contain_text("1")
        form = leader_page.locator("#attempt-grant-form")
        form.locator("#id_grant-person").select_option(str(person.pk))
        form.locator("#id_grant-extra").fill("1")
        form.locator("#id_grant-reason").fill("Var syk da quizen ble tatt.")
        assert_accessible(leader_page)
        form.locator("#attempt-grant-submit").click()
        expect(leader_page).to_have_url(re.compile(r"#attempt-grants$"))
        expect(leader_page.locator("#attempt-grant-list")).to_contain_text(
            "Var syk da quizen ble tatt."
        )
        assert_accessible(leader_page)
        no_sideways = leader_page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )
        assert no_sideways
    finally:
        leader_context.close()

    page.reload()
    expect(page.locator("#quiz-no-attempts")).to_have_count(0)
    page.locator("#quiz-start-button").click()
    expect(page).to_have_url(re.compile(r"/kurs/quiz/forsok/\d+/$"))
    expect(page.locator("#question-1 legend")).to_have_text("Hva er arbeidstrening?")
