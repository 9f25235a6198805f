"""Firms, courses and runs in Wagtail's admin, with the site's object permissions;
Django's admin for superusers only; the admin in the person's own language."""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

import pytest

from courses.models import CourseRun, Session
from courses.services.runs import COURSE_WITHOUT_SESSIONS_MESSAGE
from lms.accounts import services as accounts
from lms.accounts.models import Firm
from lms.accounts.roles import Role
from lms.accounts.validators import ORG_NUMBER_CHECKSUM_MESSAGE
from placements.models import Placement

from ..accounts.factories import FirmFactory, UserFactory
from ..courses import factories
from ..placements.factories import placement_new

pytestmark = pytest.mark.django_db


def english(client, user):
    """The admin speaks the person's own language (see the tests at the end)."""
    set_language(user, "en")
    client.force_login(user)


def set_language(user, language):
    user.language = language
    user.save()


# --- Who reaches what ---------------------------------------------------------


def test_course_leaders_and_administrators_may_use_wagtails_admin():
    for role in (Role.COURSE_LEADER, Role.ADMINISTRATOR):
        group = Group.objects.get(name=role.value)
        assert group.permissions.filter(codename="access_admin").exists(), role


def test_leader_lists_only_the_runs_they_lead(client):
    own = factories.run()
    other = factories.run()
    own.title, other.title = "Kull Asker vår", "Kull Bærum høst"
    own.save()
    other.save()
    client.force_login(own.leaders.get())
    response = client.get(reverse("admin_course_runs:index"))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Kull Asker vår" in page
    assert "Kull Bærum høst" not in page


def test_leader_cannot_open_another_leaders_run_or_its_sessions(client):
    own = factories.run()
    other = factories.run()
    client.force_login(own.leaders.get())
    for url in (
        reverse("admin_course_runs:edit", args=[other.pk]),
        reverse("admin_course_runs:delete", args=[other.pk]),
        reverse("admin_course_runs:history", args=[other.pk]),
        reverse("admin_sessions:edit", args=[other.sessions.first().pk]),
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.NOT_FOUND, url
    response = client.post(
        reverse("admin_course_runs:edit", args=[other.pk]), run_form(other)
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    other.refresh_from_db()
    assert other.title != "Endret"


def run_form(run, **changes):
    data = {
        "title": "Endret",
        "municipality": run.municipality,
        "leaders": [leader.pk for leader in run.leaders.all()],
        "capacity": run.capacity,
        "enrolment_deadline": run.enrolment_deadline.isoformat(),
        "status": run.status,
    }
    data.update(changes)
    return data


def test_leader_edits_their_own_run(client):
    run = factories.run()
    client.force_login(run.leaders.get())
    url = reverse("admin_course_runs:edit", args=[run.pk])
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    # The run's sessions are listed on its page, each linking to its own form.
    for session in run.sessions.all():
        assert reverse("admin_sessions:edit", args=[session.pk]) in page.text
    response = client.post(url, run_form(run))
    assert response.status_code == HTTPStatus.FOUND
    run.refresh_from_db()
    assert run.title == "Endret"


def test_leader_may_not_delete_a_run_nor_manage_courses_or_firms(client):
    run = factories.run()
    client.force_login(run.leaders.get())
    response = client.get(reverse("admin_course_runs:delete", args=[run.pk]))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert CourseRun.objects.filter(pk=run.pk).exists()
    for name in ("admin_firms:index", "admin_courses:index"):
        response = client.get(reverse(name))
        # Wagtail answers a refused admin page with a redirect and a message.
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
        assert response.status_code != HTTPStatus.OK
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("admin_course_runs:index") in menu
    assert reverse("admin_firms:index") not in menu


def test_administrator_sees_and_edits_every_run(client, administrator):
    first, second = factories.run(), factories.run()
    client.force_login(administrator)
    page = client.get(reverse("admin_course_runs:index")).content.decode()
    for run in (first, second):
        assert reverse("admin_course_runs:edit", args=[run.pk]) in page
    response = client.post(
        reverse("admin_course_runs:edit", args=[second.pk]), run_form(second)
    )
    assert response.status_code == HTTPStatus.FOUND
    second.refresh_from_db()
    assert second.title == "Endret"


def test_administrator_cannot_delete_a_run_with_firms(client, administrator):
    run = factories.run()
    factories.enrolment(run_=run)
    client.force_login(administrator)
    response = client.post(reverse("admin_course_runs:delete", args=[run.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert CourseRun.objects.filter(pk=run.pk).exists()


def test_a_firm_with_enrolments_is_not_deleted_and_the_admin_says_why(
    client, administrator
):
    firm = FirmFactory(name="Lier Bakeri AS")
    factories.enrolment(run_=factories.run(), firm=firm)
    english(client, administrator)
    url = reverse("admin_firms:delete", args=[firm.pk])
    response = client.post(url, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[0] == (url, HTTPStatus.FOUND)
    assert "Lier Bakeri AS cannot be deleted" in response.text
    assert "enrolments" in response.text
    assert Firm.objects.filter(pk=firm.pk).exists()
    assert firm.memberships.count() == 1


def test_a_firm_with_placements_is_not_deleted_and_the_admin_says_why(
    client, administrator
):
    placement = placement_new(firm=FirmFactory(name="Lier Bakeri AS"))
    english(client, administrator)
    url = reverse("admin_firms:delete", args=[placement.firm_id])
    response = client.post(url, follow=True)
    assert response.redirect_chain[0] == (url, HTTPStatus.FOUND)
    assert "Lier Bakeri AS cannot be deleted" in response.text
    assert "placements" in response.text
    assert Firm.objects.filter(pk=placement.firm_id).exists()
    assert Placement.objects.filter(pk=placement.pk).exists()


def test_a_firm_nothing_depends_on_is_deleted(client, administrator):
    firm = FirmFactory()
    client.force_login(administrator)
    response = client.post(reverse("admin_firms:delete", args=[firm.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert not Firm.objects.filter(pk=firm.pk).exists()


def test_participant_gets_no_admin(client, member):
    client.force_login(member)
    for name in ("admin_course_runs:index", "admin_firms:index"):
        response = client.get(reverse(name))
        assert response.status_code == HTTPStatus.FOUND
        assert reverse("admin_course_runs:index") not in response.text


# --- Runs and sessions made in the admin -------------------------------------


def run_create_form(course, leader, **changes):
    start = timezone.localtime() + timedelta(days=30)
    data = {
        "course": course.pk,
        "title": "Sosial Profil Lier",
        "municipality": "Lier",
        "leaders": [leader.pk],
        "capacity": "10",
        "enrolment_deadline": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "first_session_starts_at": start.strftime("%Y-%m-%d 09:00"),
        "place": "Lier rådhus",
    }
    data.update(changes)
    return data


def test_administrator_creates_a_run_with_the_courses_sessions(client, administrator):
    course = factories.course(sessions=3)
    leader = factories.leader()
    client.force_login(administrator)
    response = client.post(
        reverse("admin_course_runs:add"), run_create_form(course, leader)
    )
    assert response.status_code == HTTPStatus.FOUND
    run = CourseRun.objects.get(title="Sosial Profil Lier")
    assert list(run.leaders.all()) == [leader]
    sessions = list(run.sessions.order_by("position"))
    assert [s.title for s in sessions] == ["Samling 1", "Samling 2", "Samling 3"]
    assert {s.place for s in sessions} == {"Lier rådhus"}
    assert timezone.localtime(sessions[0].starts_at).hour == 9


def test_a_leaders_new_run_is_theirs(client, course_leader):
    course = factories.course(sessions=2)
    other = factories.leader()
    client.force_login(course_leader)
    response = client.post(
        reverse("admin_course_runs:add"), run_create_form(course, other)
    )
    assert response.status_code == HTTPStatus.FOUND
    run = CourseRun.objects.get(title="Sosial Profil Lier")
    assert set(run.leaders.all()) == {course_leader, other}


def test_a_run_of_a_course_without_session_templates_is_refused(client, administrator):
    course = factories.course(sessions=0)
    english(client, administrator)
    response = client.post(
        reverse("admin_course_runs:add"),
        run_create_form(course, factories.leader()),
    )
    assert response.status_code == HTTPStatus.OK
    with translation.override("en"):
        assert str(COURSE_WITHOUT_SESSIONS_MESSAGE) in response.text
    assert not CourseRun.objects.exists()


def session_form(session, **changes):
    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    data = {
        "title": session.title,
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": end.strftime("%Y-%m-%d %H:%M"),
        "place": session.place,
        "agenda": "Velkommen, tiltak, lunsj",
    }
    data.update(changes)
    return data


def test_leader_moves_a_session_and_an_overlap_is_refused(client):
    run = factories.run()
    first, second = run.sessions.order_by("position")[:2]
    english(client, run.leaders.get())
    url = reverse("admin_sessions:edit", args=[second.pk])
    response = client.post(url, session_form(second, place="Asker bibliotek"))
    assert response.status_code == HTTPStatus.FOUND
    second.refresh_from_db()
    assert second.place == "Asker bibliotek"
    assert second.agenda == "Velkommen, tiltak, lunsj"

    clash = session_form(
        second,
        starts_at=timezone.localtime(first.starts_at).strftime("%Y-%m-%d %H:%M"),
        ends_at=timezone.localtime(first.ends_at).strftime("%Y-%m-%d %H:%M"),
        place="Et annet sted",
    )
    response = client.post(url, clash)
    assert response.status_code == HTTPStatus.OK
    assert "overlaps session 1 of the run" in response.text
    second.refresh_from_db()
    assert second.place == "Asker bibliotek"
    assert Session.objects.get(pk=second.pk).starts_at != first.starts_at


# --- Firms --------------------------------------------------------------------


def firm_form(**changes):
    data = {
        "name": "Lier Bakeri AS",
        "org_number": "914 035 171",
        "municipality": "Lier",
        "industry": "C",
        "size_band": "5-9",
        "public_description": "",
        "website": "",
    }
    data.update(changes)
    return data


def test_administrator_registers_a_firm_with_a_typed_org_number(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("admin_firms:add"), firm_form())
    assert response.status_code == HTTPStatus.FOUND
    firm = Firm.objects.get(name="Lier Bakeri AS")
    assert firm.org_number == "914035171"
    listing = client.get(reverse("admin_firms:index"))
    assert "914 035 171" in listing.text
    found = client.get(reverse("admin_firms:index"), {"q": "914 035"})
    assert "Lier Bakeri AS" in found.text


def test_a_wrong_org_number_is_refused_with_its_message(client, administrator):
    english(client, administrator)
    response = client.post(
        reverse("admin_firms:add"), firm_form(org_number="914 035 172")
    )
    assert response.status_code == HTTPStatus.OK
    with translation.override("en"):
        assert str(ORG_NUMBER_CHECKSUM_MESSAGE) in response.text
    assert not Firm.objects.filter(name="Lier Bakeri AS").exists()


def test_firm_page_shows_its_people_and_keeps_the_org_number(client, administrator):
    firm = FirmFactory()
    contact = UserFactory(first_name="Kari", last_name="Nordmann")
    accounts.membership_add(firm=firm, user=contact, is_contact=True)
    client.force_login(administrator)
    url = reverse("admin_firms:edit", args=[firm.pk])
    page = client.get(url)
    assert "Kari Nordmann" in page.text
    assert contact.email in page.text
    assert firm.org_number_display in page.text
    data = firm_form(name="Nytt navn AS", org_number="914035171")
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND
    firm.refresh_from_db()
    assert firm.name == "Nytt navn AS"
    assert firm.org_number != "914035171"


def test_firm_listing_filters_by_municipality(client, administrator):
    FirmFactory(name="Drammen Verksted AS", municipality="Drammen")
    FirmFactory(name="Asker Snekkeri AS", municipality="Asker")
    client.force_login(administrator)
    page = client.get(reverse("admin_firms:index"), {"municipality": "Drammen"})
    assert "Drammen Verksted AS" in page.text
    assert "Asker Snekkeri AS" not in page.text


# --- Django's admin -----------------------------------------------------------


def test_djangos_admin_refuses_staff_who_are_not_superusers(client, administrator):
    administrator.is_staff = True
    administrator.save()
    client.force_login(administrator)
    response = client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("admin:login"))
    response = client.get(reverse("admin:accounts_firm_changelist"))
    assert response.status_code == HTTPStatus.FOUND


def test_djangos_admin_serves_superusers(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
    response = client.get(reverse("admin:accounts_firm_changelist"))
    assert response.status_code == HTTPStatus.OK


# --- The admin's language and the dashboard -----------------------------------


@pytest.mark.parametrize(
    ("language", "word"), [("en", "Dashboard"), ("nb", "Kontrollpanel")]
)
def test_admin_speaks_the_editors_language(client, administrator, language, word):
    set_language(administrator, language)
    client.force_login(administrator)
    # The switcher's cookie from the public site says the other language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb" if language == "en" else "en"
    page = client.get(reverse("wagtailadmin_home"))
    assert page.status_code == HTTPStatus.OK
    assert f'lang="{language}"' in page.text
    assert word in page.text


def test_language_saved_anywhere_is_the_admins_language(administrator):
    accounts.user_set_language(user=administrator, language="en")
    assert UserProfile.get_for_user(administrator).preferred_language == "en"
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = "nb"
    profile.save()
    administrator.refresh_from_db()
    assert administrator.language == "nb"


def test_dashboard_asks_no_other_site(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("wagtailadmin_home")).text
    assert "releases.wagtail.io" not in page
    assert "gravatar" not in page
    assert "w-upgrade" not in page
