"""The yearly follow-up pages: the contact files and corrects, the run's leader
reads, nobody else sees a firm's report."""

from datetime import timedelta
from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import FollowUpReport
from courses.services import certification as certification_services
from lms.accounts import services as accounts
from lms.accounts.roles import Role
from results.forms import ARRANGEMENTS_LEGEND, TARGET_GROUPS_LEGEND
from results.models import FollowUpFigures
from results.services import (
    COUNT_FIELDS,
    NOT_A_COUNT_MESSAGE,
    group_exceeds_total_message,
)

from ..accounts.factories import UserFactory
from ..cms import factories as cms_factories
from ..courses import certification_factories as cf
from ..courses import factories
from ..helpers import assert_shows_message

pytestmark = pytest.mark.django_db

NARRATIVE = "Vi tok imot tre personer og fikk en ny arbeidsplassmentor."
BLANK_COUNTS = dict.fromkeys(COUNT_FIELDS, "0")


def filing(**values) -> dict:
    """A valid POST: 3 taken in (2 work trial, 1 apprenticeship), 2 immigrants,
    1 mentor."""
    return {
        **BLANK_COUNTS,
        "work_trial": "2",
        "apprenticeship": "1",
        "immigrant": "2",
        "mentors": "1",
        "narrative": NARRATIVE,
        **values,
    }


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def run():
    return factories.run()


@pytest.fixture
def run_leader(run):
    return run.leaders.get()


@pytest.fixture
def enrolment(run):
    return factories.enrolment(run_=run, participants=2)


@pytest.fixture
def certification(enrolment):
    """Thirty days before it expires: the follow-up window is open."""
    today = timezone.localdate()
    return cf.certification(
        enrolment=enrolment,
        issued_on=today - timedelta(days=335),
        valid_until=today + timedelta(days=30),
    )


@pytest.fixture
def firm_contact(enrolment):
    return enrolment.contact


@pytest.fixture
def firm_member(enrolment):
    return enrolment.participants.exclude(pk=enrolment.contact.pk).get()


@pytest.fixture
def other_contact(run):
    return factories.enrolment(run_=run).contact


@pytest.fixture
def other_leader():
    return factories.run().leaders.get()


@pytest.fixture
def programme_owner():
    person = UserFactory()
    accounts.role_grant(user=person, role=Role.PROGRAMME_OWNER)
    return person


@pytest.fixture
def report(certification, firm_contact):
    from results.services import follow_up_submit

    return follow_up_submit(
        certification=certification,
        by=firm_contact,
        narrative=NARRATIVE,
        counts={"work_trial": 2, "apprenticeship": 1, "immigrant": 2},
        mentors=1,
    )


def file_url(certification):
    return reverse("results:follow_up_file", args=[certification.pk])


def edit_url(report):
    return reverse("results:follow_up_edit", args=[report.pk])


def firm_url(certification):
    return reverse("courses:certification_firm", args=[certification.enrolment_id])


# --- Filing -----------------------------------------------------------------------


def test_the_form_says_why_it_asks_only_for_counts(client, certification, firm_contact):
    client.force_login(firm_contact)
    response = client.get(file_url(certification))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "no names, birth dates or diagnoses, so nobody can be identified" in html
    assert_shows_message(response, ARRANGEMENTS_LEGEND)
    assert_shows_message(response, TARGET_GROUPS_LEGEND)
    assert 'id="follow-up-form"' in html


def test_the_contact_files_the_follow_up_with_its_figures(
    client, certification, firm_contact
):
    measure = cms_factories.measure()
    client.force_login(firm_contact)
    response = client.post(
        file_url(certification),
        filing(measures=[str(measure.pk)], publish_account="on"),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == firm_url(certification)
    report = FollowUpReport.objects.get()
    figures = report.figures
    assert (report.certification, report.filed_by, report.narrative) == (
        certification,
        firm_contact,
        NARRATIVE,
    )
    assert (figures.taken_in, figures.work_trial, figures.apprenticeship) == (3, 2, 1)
    assert (figures.immigrant, figures.mentors, figures.publish_account) == (2, 1, True)
    assert list(figures.measures.all()) == [measure]

    page = client.get(response["Location"]).content.decode()
    assert (
        "Thank you: the follow-up report has been filed, with 3 people taken in."
        in page
    )
    assert edit_url(report) in page


def test_a_bad_filing_keeps_what_was_typed_and_saves_nothing(
    client, certification, firm_contact
):
    client.force_login(firm_contact)
    response = client.post(
        file_url(certification),
        filing(wage_subsidy="abc", summer_job="2.5", immigrant="9", young="-1"),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert_shows_message(response, NOT_A_COUNT_MESSAGE)
    assert html.count(str(NOT_A_COUNT_MESSAGE)) == 2 * 3  # summary and field, ×3
    assert 'value="abc"' in html
    assert 'value="2.5"' in html
    assert 'value="9"' in html
    assert NARRATIVE in html
    assert not FollowUpReport.objects.exists()
    assert not FollowUpFigures.objects.exists()


def test_a_target_group_above_the_total_is_shown_on_that_group(
    client, certification, firm_contact
):
    client.force_login(firm_contact)
    response = client.post(file_url(certification), filing(immigrant="4"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    message = group_exceeds_total_message(group="Immigrants", count=4, total=3)
    html = response.content.decode()
    assert html.count(message) == 2  # in the summary and by the field
    assert 'aria-describedby="id_immigrant_error"' in html
    assert "Altogether 3 people taken in." in html
    assert not FollowUpReport.objects.exists()


def test_a_filed_period_sends_the_contact_to_the_report(
    client, certification, firm_contact, report
):
    client.force_login(firm_contact)
    response = client.get(file_url(certification))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == edit_url(report)


def test_filing_twice_shows_already_filed_and_links_the_report(
    client, certification, firm_contact, report
):
    client.force_login(firm_contact)
    response = client.post(file_url(certification), filing(mentors="7"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(
        response, certification_services.FOLLOW_UP_ALREADY_FILED_MESSAGE
    )
    assert edit_url(report) in response.content.decode()
    assert FollowUpFigures.objects.get().mentors == 1


def test_before_the_window_opens_the_page_says_from_when(
    client, firm_contact, enrolment
):
    early = cf.certification(enrolment=enrolment)  # valid another eleven months
    date = certification_services.renewal_opens_on(early).strftime("%m/%d/%Y")
    client.force_login(firm_contact)
    response = client.get(file_url(early))
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(
        response, certification_services.FOLLOW_UP_TOO_EARLY_MESSAGE, date=date
    )
    assert 'id="follow-up-form"' not in response.content.decode()

    response = client.post(file_url(early), filing())
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(
        response, certification_services.FOLLOW_UP_TOO_EARLY_MESSAGE, date=date
    )
    assert not FollowUpReport.objects.exists()


def test_a_revoked_certification_shows_why_no_report_can_be_filed(
    client, firm_contact, enrolment
):
    revoked = cf.revoked(enrolment=enrolment)
    client.force_login(firm_contact)
    response = client.get(file_url(revoked))
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, certification_services.FOLLOW_UP_REVOKED_MESSAGE)
    response = client.post(file_url(revoked), filing())
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not FollowUpFigures.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("firm_member", HTTPStatus.FORBIDDEN),
        ("other_contact", HTTPStatus.FORBIDDEN),
        ("run_leader", HTTPStatus.FORBIDDEN),
        ("programme_owner", HTTPStatus.FORBIDDEN),
        ("firm_contact", HTTPStatus.OK),
        ("administrator", HTTPStatus.OK),
    ],
)
def test_only_the_firms_contact_or_an_administrator_files(
    client, request, certification, who, status
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(file_url(certification)).status_code == status
    if status == HTTPStatus.FORBIDDEN:
        response = client.post(file_url(certification), filing())
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not FollowUpReport.objects.exists()


def test_filing_needs_a_login(client, certification):
    response = client.get(file_url(certification))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_certification_is_not_found(client, firm_contact):
    client.force_login(firm_contact)
    unknown = reverse("results:follow_up_file", args=[987654])
    assert client.get(unknown).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/resultater/oppfolging/99999999999999999999/").status_code == (
        HTTPStatus.NOT_FOUND
    )


# --- Seeing and correcting a report -------------------------------------------------


def test_the_contact_sees_the_figures_and_the_form_prefilled(
    client, report, firm_contact
):
    client.force_login(firm_contact)
    response = client.get(edit_url(report))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    year = report.figures.year
    assert f"3 people taken in during {year}" in html
    assert 'id="follow-up-form"' in html
    assert 'name="work_trial" value="2"' in html
    assert 'name="apprenticeship" value="1"' in html
    assert NARRATIVE in html


def test_the_contact_corrects_the_report(client, report, firm_contact):
    measure = cms_factories.measure()
    client.force_login(firm_contact)
    response = client.post(
        edit_url(report),
        filing(permanent_job="4", measures=[str(measure.pk)], narrative="Rettet."),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == edit_url(report)
    figures = FollowUpFigures.objects.get(report=report)
    assert (figures.taken_in, figures.permanent_job) == (7, 4)
    assert list(figures.measures.all()) == [measure]
    report.refresh_from_db()
    assert report.narrative == "Rettet."
    page = client.get(response["Location"]).content.decode()
    assert "The follow-up report has been updated." in page
    assert f"7 people taken in during {figures.year}" in page


def test_a_bad_correction_keeps_what_was_typed_and_changes_nothing(
    client, report, firm_contact
):
    client.force_login(firm_contact)
    response = client.post(edit_url(report), filing(mentors="-3", narrative="Ny"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, NOT_A_COUNT_MESSAGE)
    assert 'value="-3"' in response.content.decode()
    figures = FollowUpFigures.objects.get(report=report)
    assert figures.mentors == 1
    report.refresh_from_db()
    assert report.narrative == NARRATIVE


def test_an_older_report_is_shown_but_cannot_be_corrected(
    client, report, certification, firm_contact, run_leader
):
    certification = certification_services.certification_renew(
        certification=certification, by=run_leader
    )
    certification_services.follow_up_file(
        certification=certification,
        by=firm_contact,
        narrative="Året etter.",
        today=certification.valid_until - timedelta(days=10),
    )
    client.force_login(firm_contact)
    response = client.get(edit_url(report))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'id="not-latest"' in html
    assert 'id="follow-up-form"' not in html
    response = client.post(edit_url(report), filing(mentors="5"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert FollowUpFigures.objects.get(report=report).mentors == 1


def test_the_run_leader_reads_the_report_but_cannot_change_it(
    client, report, run_leader
):
    client.force_login(run_leader)
    response = client.get(edit_url(report))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert NARRATIVE in html
    assert 'id="follow-up-form"' not in html
    response = client.post(edit_url(report), filing(mentors="5"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert FollowUpFigures.objects.get(report=report).mentors == 1


def test_an_administrator_may_correct_the_report(client, report, administrator):
    client.force_login(administrator)
    assert 'id="follow-up-form"' in client.get(edit_url(report)).content.decode()
    response = client.post(edit_url(report), filing(mentors="5"))
    assert response.status_code == HTTPStatus.FOUND
    figures = FollowUpFigures.objects.get(report=report)
    assert (figures.mentors, figures.updated_by) == (5, administrator)


@pytest.mark.parametrize(
    "who", ["firm_member", "other_contact", "other_leader", "programme_owner"]
)
def test_nobody_else_sees_the_firms_report(client, request, report, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(edit_url(report))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert NARRATIVE not in response.content.decode()
    response = client.post(edit_url(report), filing(mentors="5"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert FollowUpFigures.objects.get(report=report).mentors == 1


def test_the_report_needs_a_login(client, report):
    response = client.get(edit_url(report))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_report_is_not_found(client, firm_contact):
    client.force_login(firm_contact)
    response = client.get(reverse("results:follow_up_edit", args=[987654]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_report_page_reads_the_same_queries_whatever_the_measures(
    client, report, firm_contact
):
    client.force_login(firm_contact)
    client.get(edit_url(report))  # warm the session and the user's caches

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(edit_url(report)).status_code == HTTPStatus.OK
        return len(captured)

    report.figures.measures.set([cms_factories.measure()])
    one = queries()
    report.figures.measures.set([cms_factories.measure() for _ in range(5)])
    assert queries() == one


# --- The firm's certification page and the home page ---------------------------------


def test_the_certification_page_links_the_form_while_the_window_is_open(
    client, certification, firm_contact
):
    client.force_login(firm_contact)
    html = client.get(firm_url(certification)).content.decode()
    assert f'href="{file_url(certification)}"' in html
    assert 'name="narrative"' not in html  # the old narrative-only form is gone


def test_the_certification_page_lists_reports_with_their_key_figures(
    client, certification, report, run_leader
):
    client.force_login(run_leader)
    html = client.get(firm_url(certification)).content.decode()
    assert 'id="follow-up-reports"' in html
    assert f'href="{edit_url(report)}"' in html
    assert '<td class="text-end">3</td>' in html  # taken in
    assert '<td class="text-end">1</td>' in html  # mentors
    assert f'href="{file_url(certification)}"' not in html


def test_a_participant_sees_the_certification_but_not_the_reports(
    client, certification, report, firm_member
):
    client.force_login(firm_member)
    response = client.get(firm_url(certification))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'id="follow-up-reports"' not in html
    assert NARRATIVE not in html
    assert f'href="{file_url(certification)}"' not in html


def test_the_home_page_links_the_due_follow_up_to_the_form(
    client, certification, firm_contact
):
    client.force_login(firm_contact)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{file_url(certification)}"' in html


# --- Django's admin ------------------------------------------------------------------


def test_superusers_look_the_figures_up_read_only(client, report):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    changelist = reverse("admin:results_followupfigures_changelist")
    response = client.get(changelist)
    assert response.status_code == HTTPStatus.OK
    assert str(report) in response.content.decode()
    add = reverse("admin:results_followupfigures_add")
    assert client.get(add).status_code == HTTPStatus.FORBIDDEN
