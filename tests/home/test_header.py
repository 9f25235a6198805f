"""The header's own entries: "My page" for everyone logged in, and "My course",
"My firm", "Inclusion plan" and the role entries only for those who have them;
nothing worked out for a visitor."""

from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import EnrolmentStatus
from lms.accounts.roles import Role
from lms.context_processors import navigation_roles
from tests.accounts.factories import FirmFactory, UserFactory
from tests.lms.test_navigation import header, links
from tests.validation.factories import person

from . import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def hrefs(client, user) -> dict[str, str]:
    """{text: href} of the header's menu links on the search page."""
    client.force_login(user)
    return {text: href for href, _current, text in links(header(client.get("/sok/")))}


def test_everyone_logged_in_gets_my_page(client_en):
    assert hrefs(client_en, UserFactory())["My page"] == reverse("home")


def test_the_home_marks_my_page_as_current(client_en):
    client_en.force_login(UserFactory())
    assert (reverse("home"), "page", "My page") in links(
        header(client_en.get(reverse("home")))
    )


def test_a_person_with_no_course_sees_no_my_course(client_en):
    firm = FirmFactory()
    member = builders.member_of(firm)
    shown = hrefs(client_en, member)
    assert "My course" not in shown
    assert shown["My firm"] == firm.get_absolute_url()
    assert "Inclusion plan" not in shown


def test_a_firm_applied_for_but_not_accepted_gives_no_course_and_no_plan(client_en):
    run, _quiz = builders.run_with_quiz()
    applied = builders.firm_in(run, status=EnrolmentStatus.APPLIED)
    shown = hrefs(client_en, applied.contact)
    assert "My course" not in shown
    assert "Inclusion plan" not in shown
    assert shown["My firm"] == applied.firm.get_absolute_url()


def test_a_participant_gets_my_course_and_my_firm_but_no_plan(client_en):
    run, _quiz = builders.run_with_quiz()
    ours = builders.firm_in(run, participants=2)
    shown = hrefs(client_en, ours.people[1])
    assert shown["My course"] == reverse("courses:my_course")
    assert shown["My firm"] == ours.firm.get_absolute_url()
    assert "Inclusion plan" not in shown


def test_a_contact_with_an_accepted_enrolment_gets_the_plan(client_en):
    run, _quiz = builders.run_with_quiz()
    ours = builders.firm_in(run)
    shown = hrefs(client_en, ours.contact)
    assert shown["Inclusion plan"] == reverse("courses:plan_detail", args=[ours.pk])
    assert shown["My firm"] == ours.firm.get_absolute_url()


@pytest.mark.parametrize(
    ("role", "text", "url_name"),
    [
        (Role.COURSE_LEADER, "Course leading", "courses:run_list"),
        (Role.CANDIDATE, "My validation", "validation:my_cases"),
        (Role.ASSESSOR, "Assessment", "validation:queue"),
        (Role.INTERNAL_VERIFIER, "Verification", "validation:verification"),
        (Role.EXTERNAL_MODERATOR, "Moderation", "validation:moderation"),
        (Role.EDITOR, "Editing", "wagtailadmin_home"),
    ],
)
def test_a_role_adds_only_its_own_entry(client_en, role, text, url_name):
    role_entries = {
        "Course leading",
        "My validation",
        "Assessment",
        "Verification",
        "Moderation",
        "Editing",
        "My course",
        "My firm",
        "Inclusion plan",
    }
    shown = hrefs(client_en, person(role))
    assert shown[text] == reverse(url_name)
    assert set(shown) & role_entries == {text}


def test_a_visitor_sees_no_personal_entries(client_en):
    shown = {text for _h, _c, text in links(header(client_en.get("/sok/")))}
    assert not shown & {"My page", "My course", "My firm", "Inclusion plan"}
    assert "Log in" in shown


PERSONAL_TABLES = ("auth_group", "accounts_membership", "courses_enrolment")


def test_a_visitor_costs_the_header_no_query_about_people(client):
    client.get("/sok/")  # menus cached
    with CaptureQueriesContext(connection) as queries:
        client.get("/sok/")
    sql = " ".join(query["sql"] for query in queries)
    for table in PERSONAL_TABLES:
        assert table not in sql


def test_the_persons_entries_are_worked_out_only_when_used(client):
    run, _quiz = builders.run_with_quiz()
    ours = builders.firm_in(run)
    request = RequestFactory().get("/")
    request.user = ours.contact
    with CaptureQueriesContext(connection) as queries:
        context = navigation_roles(request)
    assert len(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        assert context["nav_person"].takes_course
        assert context["nav_person"].plan_enrolment_pk == ours.pk
    assert len(queries) == 1
