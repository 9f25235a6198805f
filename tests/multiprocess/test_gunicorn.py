"""One truth whatever the number of processes: gunicorn with three workers on the
production settings, PostgreSQL and Redis, watched over HTTP.

Each test first makes every worker answer (so each would hold anything it keeps
in its own memory), changes something in this process, then asks again: every
answer after the change must show it. With a per-process cache these fail.
"""

import uuid
from datetime import date
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.models import PageViewRestriction

import pytest

from lms.accounts import services as accounts
from lms.accounts.roles import Role
from placements.services.placements import placement_sharing_withdraw

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..cms import factories as cms_factories
from ..courses import factories as course_factories
from ..placements.factories import placement_new
from ..results import factories as results_factories
from .client import Visitor, send_many
from .conftest import VERIFY_MISS_LIMIT

# The first test also waits for collectstatic and three workers to boot.
pytestmark = [pytest.mark.multiprocess, pytest.mark.timeout(900)]

LOGIN_PATH = "/accounts/login/"
# A code in the right form that no certificate has.
UNKNOWN_CODE = "ABCD-EFGH-JKMN"


def can_log_in(user):
    """Store the password with the production hasher (the tests' fast MD5 is not
    one the production settings accept)."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(TEST_PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def statuses(answers) -> list[int]:
    return [answer.status for answer in answers]


def test_after_logout_the_old_session_cookie_is_refused_by_every_worker(
    app_server,
):
    enrolment = course_factories.enrolment(run_=course_factories.run())
    person = can_log_in(enrolment.contact)
    browser = Visitor(app_server)
    browser.log_in(person.email, TEST_PASSWORD)
    copied = browser.replaying()
    my_course = reverse("courses:my_course")

    before = send_many(app_server, lambda: copied.get(my_course))
    assert statuses(before) == [HTTPStatus.OK] * 30
    assert all(enrolment.run.title in answer.body for answer in before)

    browser.log_out()

    after = send_many(app_server, lambda: copied.get(my_course))
    assert statuses(after) == [HTTPStatus.FOUND] * 30
    assert all(answer.location.startswith(LOGIN_PATH) for answer in after)


@pytest.mark.parametrize(
    "role", [Role.COURSE_LEADER, Role.ADMINISTRATOR, Role.PROGRAMME_OWNER]
)
def test_a_removed_role_takes_effect_on_the_next_request(app_server, role):
    """A course leader's run list (the role alone opens it), for an
    administrator the overview of a run someone else leads, and for a
    programme owner the results dashboard over every firm."""
    run = course_factories.run()
    path = {
        Role.COURSE_LEADER: reverse("courses:run_list"),
        Role.ADMINISTRATOR: reverse("courses:run_overview", args=[run.pk]),
        Role.PROGRAMME_OWNER: reverse("results:dashboard"),
    }[role]
    person = can_log_in(UserFactory())
    accounts.role_grant(user=person, role=role)
    browser = Visitor(app_server)
    browser.log_in(person.email, TEST_PASSWORD)

    before = send_many(app_server, lambda: browser.get(path))
    assert statuses(before) == [HTTPStatus.OK] * 30

    accounts.role_revoke(user=person, role=role)

    after = send_many(app_server, lambda: browser.get(path))
    assert statuses(after) == [HTTPStatus.FORBIDDEN] * 30
    assert browser.get(reverse("accounts:profile")).status == HTTPStatus.OK


def test_an_account_withdrawn_from_publication_leaves_every_worker_at_once(
    app_server,
):
    """The public figures keep their tables in the shared cache for a while,
    but a firm's account is read live: once the firm withdraws it, no worker
    shows it."""
    account = f"Beretning {uuid.uuid4().hex}"
    certification = results_factories.certification(
        run_=results_factories.run(),
        issued_on=date(2024, 3, 1),
        valid_until=date(2025, 3, 1),
    )
    figures = results_factories.figures(
        certification_=certification,
        year=2024,
        narrative=account,
        publish_account=True,
        work_trial=5,
    )
    public = reverse("results:public")
    visitor = Visitor(app_server)

    before = send_many(app_server, lambda: visitor.get(public))
    assert statuses(before) == [HTTPStatus.OK] * 30
    assert all(account in answer.body for answer in before)

    figures.publish_account = False
    figures.save(update_fields=["publish_account"])

    after = send_many(app_server, lambda: visitor.get(public))
    assert statuses(after) == [HTTPStatus.OK] * 30
    assert not any(account in answer.body for answer in after)


def test_a_trainee_who_stops_sharing_closes_the_record_on_every_worker(app_server):
    """Who may see a placement is decided on each request from the database:
    once the trainee withdraws consent, no worker shows it to the mentor."""
    placement = placement_new()
    mentor = can_log_in(placement.mentor)
    browser = Visitor(app_server)
    browser.log_in(mentor.email, TEST_PASSWORD)
    path = placement.get_absolute_url()

    before = send_many(app_server, lambda: browser.get(path))
    assert statuses(before) == [HTTPStatus.OK] * 30

    placement_sharing_withdraw(placement=placement, by=placement.trainee)

    after = send_many(app_server, lambda: browser.get(path))
    assert statuses(after) == [HTTPStatus.NOT_FOUND] * 30
    assert not any(placement.trainee_name in answer.body for answer in after)


def make_private(page, *, by):
    """Private to logged-in users, the way the admin's privacy dialog does it."""
    form = PageViewRestrictionForm(
        data={"restriction_type": PageViewRestriction.LOGIN},
        private_page_options=page.private_page_options,
    )
    assert form.is_valid(), form.errors
    restriction = form.save(commit=False)
    restriction.page = page
    restriction.save(user=by)
    form.save_m2m()


def test_a_lesson_made_private_is_not_served_to_visitors_on_the_next_request(
    app_server,
):
    lesson = cms_factories.lesson(title="Snart bare for innloggede")
    editor = UserFactory()
    visitor = Visitor(app_server)

    before = send_many(app_server, lambda: visitor.get(lesson.url))
    assert statuses(before) == [HTTPStatus.OK] * 30
    assert all("Snart bare for innloggede" in answer.body for answer in before)

    make_private(lesson, by=editor)

    after = send_many(app_server, lambda: visitor.get(lesson.url))
    assert statuses(after) == [HTTPStatus.FOUND] * 30
    # Wagtail's own login page for private pages, back to the lesson after.
    for answer in after:
        login = urlsplit(answer.location)
        assert login.path.endswith("/login/"), answer.location
        assert parse_qs(login.query)["next"] == [lesson.url]
    assert not any("Snart bare for innloggede" in answer.body for answer in after)


def test_a_published_page_is_seen_by_every_worker_on_the_next_request(app_server):
    area = cms_factories.area(title="Holdninger i praksis")
    lesson = cms_factories.lesson(parent=area, title="Første utgave")
    visitor = Visitor(app_server)

    for path in (lesson.url, area.url):
        before = send_many(app_server, lambda path=path: visitor.get(path))
        assert statuses(before) == [HTTPStatus.OK] * 30
        assert all("Første utgave" in answer.body for answer in before)

    lesson.title = "Andre utgave"
    lesson.save_revision().publish()

    for path in (lesson.url, area.url):
        after = send_many(app_server, lambda path=path: visitor.get(path))
        assert statuses(after) == [HTTPStatus.OK] * 30
        assert all("Andre utgave" in answer.body for answer in after), path
        assert not any("Første utgave" in answer.body for answer in after), path


def test_requests_to_unknown_paths_leave_a_verify_block_in_place(app_server):
    guesser = Visitor(app_server, address="203.0.113.66")
    verify = f"/verify/{UNKNOWN_CODE}/"

    misses = [guesser.get(verify).status for _ in range(VERIFY_MISS_LIMIT + 2)]
    assert (
        misses
        == [HTTPStatus.NOT_FOUND] * VERIFY_MISS_LIMIT
        + [HTTPStatus.TOO_MANY_REQUESTS] * 2
    )
    blocked = send_many(app_server, lambda: guesser.get(verify))
    assert statuses(blocked) == [HTTPStatus.TOO_MANY_REQUESTS] * 30

    def unknown_path():
        token = uuid.uuid4().hex
        return guesser.get(
            [
                f"/finnes-ikke-{token}/",
                f"/verktoykassen/{token}/",
                f"/tiltak/{token}/",
                f"/?utm_source={token}",
            ][int(token, 16) % 4]
        )

    flood = send_many(app_server, unknown_path, 500)
    assert set(statuses(flood)) <= {HTTPStatus.NOT_FOUND, HTTPStatus.OK}

    still_blocked = send_many(app_server, lambda: guesser.get(verify))
    assert statuses(still_blocked) == [HTTPStatus.TOO_MANY_REQUESTS] * 30
    # Only that client: another behind the same load balancer is answered.
    other = Visitor(app_server, address="203.0.113.67")
    assert other.get(verify).status == HTTPStatus.NOT_FOUND
