"""Layout on small phones: no word in a table cell is broken across lines at
390 px (each word's rendered boxes sit on one line), and no page of the main
flows scrolls sideways at 320 px (a wide table scrolls inside its own region)."""

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from cms.models import FirmRegistryPage
from cms.site import ensure_home_page
from courses.models import AttendanceStatus, PlanStatus
from courses.services import attendance, plans
from courses.services import quizzes as quiz_services
from lms.accounts import services as accounts
from lms.accounts.roles import Role

from ..accounts.factories import FirmFactory, UserFactory
from ..cms import factories as cms_factories
from ..courses import certification_factories, factories
from ..courses import quiz_factories as qf
from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Long Norwegian compounds: what `overflow-wrap: anywhere` used to cut in two.
FIRM_NAMES = [
    "Askerbakeriet AS",
    "Sandvikaentreprenørforretningen AS",
    "Lierbyggvarehandelen Kristoffersen AS",
]

# For every table cell's text: each word's boxes must lie on one line. A word is
# what lies between spaces, hyphens, dashes and slashes (where a line may break).
WORDS_BROKEN_IN_CELLS = """
() => {
    const broken = [];
    let words = 0;
    for (const cell of document.querySelectorAll("main td, main th")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const pattern = /[^\\s\\-\\u2010-\\u2015\\/]+/g;
            let match;
            while ((match = pattern.exec(node.data))) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const rects = Array.from(range.getClientRects())
                    .filter((rect) => rect.width > 0 && rect.height > 0);
                if (!rects.length) { continue; }  // not shown (folded or hidden)
                words += 1;
                const lines = new Set(rects.map((rect) => Math.round(rect.top)));
                if (lines.size > 1) {
                    broken.push(match[0] + " | " + cell.textContent.trim());
                }
            }
        }
    }
    return {broken, words};
}
"""

SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def course_in_motion():
    """A run with three firms (long names, long people's names), a required quiz
    taken, attendance, a plan; a certified firm in a published registry."""
    run = factories.run(starts_in_days=-1)
    question = qf.question(text="Hvilke virkemidler for arbeidsinkludering finnes?")
    quiz = qf.quiz(
        questions=[question], title="Arbeidsinkluderingsvirkemidler", pass_mark=50
    )
    run.course.required_quizzes.add(quiz)
    enrolments = []
    for name in FIRM_NAMES:
        enrolment = factories.enrolment(
            run_=run, firm=FirmFactory(name=name), participants=2
        )
        enrolments.append(enrolment)
        for n, person in enumerate(enrolment.participants.order_by("pk")):
            person.last_name = "Kristoffersen-Bjørnstad" if n else "Sandvikaløkken"
            person.save()
            attendance.attendance_record(
                session=run.sessions.get(position=1),
                user=person,
                status=AttendanceStatus.PRESENT,
                by=run.leaders.get(),
            )
            attempt = quiz_services.attempt_start(quiz=quiz, user=person)
            asked = attempt.questions.get(position=1)
            quiz_services.answer_save(
                attempt=attempt,
                position=1,
                choice_ids=qf.ids(asked, "Riktig"),
                user=person,
            )
            quiz_services.attempt_submit(attempt=attempt, user=person)
    plan = plans.plan_get_or_create(enrolment=enrolments[0])
    plans.plan_save(
        plan=plan,
        commitments=[
            {
                "area": "attitudes",
                "what": "Alle ledere tar leksjonen om holdninger.",
                "measure": None,
                "responsible": "Daglig leder",
                "due_date": timezone.localdate() + timezone.timedelta(days=30),
                "is_public": True,
            }
        ],
        by=enrolments[0].contact,
        expected_version=plan.version,
    )
    plans.plan_submit(plan=plan, by=enrolments[0].contact)
    certification = certification_factories.certification(
        enrolment=factories.enrolment(
            run_=factories.run(starts_in_days=-60),
            firm=FirmFactory(name="Holeentreprenørforbundet Sandvikaløkken AS"),
        )
    )
    plan = plans.plan_get_or_create(enrolment=certification.enrolment)
    plan.status = PlanStatus.APPROVED
    plan.save()
    registry = cms_factories.publish(
        ensure_home_page(),
        FirmRegistryPage(title="Sertifiserte bedrifter", slug="sertifiserte-bedrifter"),
    )
    return {
        "run": run,
        "quiz": quiz,
        "enrolments": enrolments,
        "certification": certification,
        "registry": registry,
    }


def _assert_no_word_broken(page, url, *, at_least=1):
    page.goto(url)
    expect(page.locator("main")).to_be_visible()
    result = page.evaluate(WORDS_BROKEN_IN_CELLS)
    assert result["broken"] == [], url
    assert result["words"] >= at_least, f"{url}: no table words to check"
    assert page.evaluate(SIDEWAYS) <= 0, url


def test_no_word_in_a_table_cell_is_broken_at_390_px(page, course_in_motion):
    data = course_in_motion
    run, quiz = data["run"], data["quiz"]
    page.set_viewport_size({"width": 390, "height": 844})

    registry = data["registry"]
    firm = data["certification"].enrolment.firm
    _assert_no_word_broken(page, registry.url, at_least=5)
    page.goto(f"{registry.url}{firm.org_number}/")
    assert page.evaluate(SIDEWAYS) <= 0

    log_in(page, run.leaders.get().email)
    _assert_no_word_broken(
        page, reverse("courses:run_overview", args=[run.pk]), at_least=30
    )
    # The wide table scrolls inside its own labelled region, with a hint.
    region = page.locator(".table-scroll[role=region]").first
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    expect(page.locator(".table-scroll-hint").first).to_be_visible()
    _assert_no_word_broken(
        page, reverse("courses:quiz_results", args=[run.pk, quiz.pk]), at_least=5
    )
    page.context.clear_cookies()  # log out (the menu is folded at this width)

    contact = data["enrolments"][0].contact
    log_in(page, contact.email)
    _assert_no_word_broken(
        page, reverse("courses:enrolment_detail", args=[data["enrolments"][0].pk])
    )


def test_no_page_of_the_main_flows_scrolls_sideways_at_320_px(page, course_in_motion):
    data = course_in_motion
    enrolment = data["enrolments"][0]
    page.set_viewport_size({"width": 320, "height": 640})

    public = [
        "/",
        reverse("courses:run_catalogue"),
        data["registry"].url,
        f"{data['registry'].url}{data['certification'].enrolment.firm.org_number}/",
        reverse("verify:form"),
        reverse("verify:detail", kwargs={"code": data["certification"].formatted_code}),
        reverse("accounts:login"),
        reverse("accounts:signup"),
    ]
    for url in public:
        page.goto(url)
        assert page.evaluate(SIDEWAYS) <= 0, url

    participant = enrolment.participants.exclude(pk=enrolment.contact.pk).get()
    log_in(page, participant.email)
    for url in [reverse("home"), reverse("courses:my_course")]:
        page.goto(url)
        assert page.evaluate(SIDEWAYS) <= 0, url
    page.context.clear_cookies()  # log out (the menu is folded at this width)

    log_in(page, enrolment.contact.email)
    for url in [
        reverse("home"),
        reverse("courses:run_catalogue"),
        reverse("courses:enrolment_detail", args=[enrolment.pk]),
        reverse("courses:plan_detail", kwargs={"enrolment_pk": enrolment.pk}),
        enrolment.firm.get_absolute_url(),
    ]:
        page.goto(url)
        assert page.evaluate(SIDEWAYS) <= 0, url
    page.context.clear_cookies()  # log out (the menu is folded at this width)

    leader = data["run"].leaders.get()
    log_in(page, leader.email)
    for url in [
        reverse("courses:run_list"),
        reverse("courses:run_overview", args=[data["run"].pk]),
        reverse("courses:quiz_results", args=[data["run"].pk, data["quiz"].pk]),
        reverse("courses:attendance", args=[data["run"].sessions.get(position=1).pk]),
    ]:
        page.goto(url)
        assert page.evaluate(SIDEWAYS) <= 0, url
    page.context.clear_cookies()  # log out (the menu is folded at this width)

    owner = UserFactory()
    accounts.role_grant(user=owner, role=Role.PROGRAMME_OWNER)
    log_in(page, owner.email)
    page.goto(reverse("validation:register"))
    assert page.evaluate(SIDEWAYS) <= 0
