"""The firm's yearly follow-up is pre-filled from its placements: exactly what
the placements add up to (each person once), shown with what was counted; the
contact checks, corrects and sends it, and bad values save nothing."""

import itertools
from datetime import date, timedelta
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import FollowUpReport
from placements.models import Placement
from placements.selectors.results import follow_up_prefill
from results.forms import ENDED_LEGEND, TARGET_GROUPS_NOT_PREFILLED
from results.models import FollowUpFigures
from results.services import (
    COUNT_FIELDS,
    ENDED_TOO_LARGE_MESSAGE,
    NOT_A_COUNT_MESSAGE,
    TOO_LARGE_MESSAGE,
    follow_up_period,
)

from ..accounts.factories import FirmFactory, UserFactory
from ..courses import certification_factories as cf
from ..courses import factories
from ..helpers import assert_shows_message

pytestmark = pytest.mark.django_db

START, END = date(2024, 10, 1), date(2025, 9, 30)
_n = itertools.count(1)


def placement(
    *,
    firm,
    mentor,
    arrangement="work_trial",
    starts_on,
    trainee=None,
    ended_on=None,
    outcome="",
    invited=False,
    **fields,
) -> Placement:
    """A placement straight into the table: accepted by `trainee` (made when
    not given) unless `invited`; ended when `ended_on` is given."""
    n = next(_n)
    if not invited and trainee is None:
        trainee = UserFactory()
    return Placement.objects.create(
        firm=firm,
        mentor=mentor,
        trainee=None if invited else trainee,
        created_by=mentor,
        invited_name=f"Deltaker {n}",
        invited_email=f"deltaker{n}@example.no",
        arrangement=arrangement,
        starts_on=starts_on,
        planned_end_on=max(starts_on, ended_on or starts_on) + timedelta(days=90),
        status="invited" if invited else ("ended" if ended_on else "active"),
        ended_on=ended_on,
        outcome=outcome,
        **fields,
    )


# --- The pre-fill ------------------------------------------------------------------


def test_the_prefill_equals_the_placements_outcomes_exactly():
    firm = FirmFactory()
    m1, m2, m3, m4, m5 = (UserFactory() for _ in range(5))
    # Started in the period, under way.
    placement(
        firm=firm, mentor=m1, arrangement="work_trial", starts_on=date(2024, 11, 1)
    )
    # Started and ended in the period.
    placement(
        firm=firm,
        mentor=m1,
        arrangement="wage_subsidy",
        starts_on=date(2025, 1, 10),
        ended_on=date(2025, 6, 30),
        outcome="employed",
    )
    # Started before the period, ended in it.
    placement(
        firm=firm,
        mentor=m2,
        arrangement="apprenticeship",
        starts_on=date(2023, 8, 1),
        ended_on=date(2025, 2, 1),
        outcome="education",
    )
    # Ended on the period's first day: in it.
    placement(
        firm=firm,
        mentor=m5,
        starts_on=date(2024, 9, 1),
        ended_on=START,
        outcome="other",
    )
    # Started on the period's last day: in it.
    placement(firm=firm, mentor=m1, arrangement="apprenticeship", starts_on=END)
    # One person, two placements: a work trial that led to a wage subsidy.
    moved_on = UserFactory()
    placement(
        firm=firm,
        mentor=m3,
        trainee=moved_on,
        arrangement="work_trial",
        starts_on=date(2024, 12, 1),
        ended_on=date(2025, 3, 1),
        outcome="new_placement",
    )
    placement(
        firm=firm,
        mentor=m3,
        trainee=moved_on,
        arrangement="wage_subsidy",
        starts_on=date(2025, 3, 2),
    )
    # Sharing withdrawn: still counted (counts only).
    placement(
        firm=firm,
        mentor=m1,
        arrangement="summer_job",
        starts_on=date(2025, 6, 1),
        ended_on=date(2025, 8, 15),
        outcome="other",
        sharing_withdrawn_at=timezone.now(),
    )
    # Not counted: ended before the period, starts after it, never accepted,
    # another firm's.
    placement(
        firm=firm,
        mentor=m2,
        arrangement="summer_job",
        starts_on=date(2024, 6, 1),
        ended_on=date(2024, 9, 30),
        outcome="new_placement",
    )
    placement(
        firm=firm, mentor=m3, arrangement="temporary_job", starts_on=date(2025, 10, 1)
    )
    placement(firm=firm, mentor=m4, starts_on=date(2025, 3, 1), invited=True)
    placement(firm=FirmFactory(), mentor=m4, starts_on=date(2025, 1, 1))

    assert follow_up_prefill(firm=firm, period_start=START, period_end=END) == {
        "work_trial": 1,
        "wage_subsidy": 2,
        "permanent_job": 0,
        "temporary_job": 0,
        "apprenticeship": 1,
        "summer_job": 1,
        "ended_employed": 1,
        "ended_education": 1,
        "ended_new_placement": 1,
        "ended_other": 2,
        "mentors": 4,
        "placement_count": 8,
        "started_count": 6,
        "ended_count": 5,
    }


def test_a_person_whose_placements_both_ended_counts_once_by_the_last_outcome():
    firm, mentor, trainee = FirmFactory(), UserFactory(), UserFactory()
    placement(
        firm=firm,
        mentor=mentor,
        trainee=trainee,
        arrangement="work_trial",
        starts_on=date(2024, 10, 1),
        ended_on=date(2025, 1, 31),
        outcome="new_placement",
    )
    placement(
        firm=firm,
        mentor=mentor,
        trainee=trainee,
        arrangement="wage_subsidy",
        starts_on=date(2025, 2, 1),
        ended_on=date(2025, 8, 31),
        outcome="employed",
    )

    prefill = follow_up_prefill(firm=firm, period_start=START, period_end=END)

    assert (prefill["work_trial"], prefill["wage_subsidy"]) == (0, 1)
    assert (prefill["ended_new_placement"], prefill["ended_employed"]) == (0, 1)
    assert (prefill["placement_count"], prefill["mentors"]) == (2, 1)


def test_a_firm_without_placements_gets_zeros_in_one_query(
    django_assert_num_queries,
):
    firm = FirmFactory()
    with django_assert_num_queries(1):
        prefill = follow_up_prefill(firm=firm, period_start=START, period_end=END)

    assert set(prefill.values()) == {0}


def test_the_period_is_the_twelve_months_up_to_its_last_day():
    assert follow_up_period(END) == (START, END)
    assert follow_up_period(date(2025, 2, 28)) == (date(2024, 2, 29), date(2025, 2, 28))


# --- The form ----------------------------------------------------------------------

NARRATIVE = "Vi fulgte opp tre personer i praksis."
PREFILL_SENTENCE = (
    "Pre-filled from 3 placements registered on the platform; check and correct "
    "before you send."
)


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def enrolment():
    return factories.enrolment(run_=factories.run(), participants=2)


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
def contact(enrolment):
    return enrolment.contact


@pytest.fixture
def placements(enrolment):
    """Three placements of the firm in the period: a work trial under way, a
    wage subsidy ended in a job, a summer job ended in education; two mentors.
    And an invitation nobody accepted."""
    firm = enrolment.firm
    mentor, other_mentor = UserFactory(), UserFactory()
    today = timezone.localdate()
    placement(firm=firm, mentor=mentor, starts_on=today - timedelta(days=100))
    placement(
        firm=firm,
        mentor=mentor,
        arrangement="wage_subsidy",
        starts_on=today - timedelta(days=200),
        ended_on=today - timedelta(days=20),
        outcome="employed",
    )
    placement(
        firm=firm,
        mentor=other_mentor,
        arrangement="summer_job",
        starts_on=today - timedelta(days=150),
        ended_on=today - timedelta(days=90),
        outcome="education",
    )
    placement(
        firm=firm,
        mentor=other_mentor,
        starts_on=today - timedelta(days=5),
        invited=True,
    )


def file_url(certification):
    return reverse("results:follow_up_file", args=[certification.pk])


def filing(**values) -> dict:
    return {**dict.fromkeys(COUNT_FIELDS, "0"), "narrative": NARRATIVE, **values}


def test_the_form_shows_the_prefilled_values_and_what_was_counted(
    client, certification, contact, placements
):
    client.force_login(contact)
    response = client.get(file_url(certification))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert PREFILL_SENTENCE in html
    assert "3 placements started: the people taken in, by arrangement." in html
    assert "2 placements ended: where people went." in html
    assert "2 workplace mentors followed them." in html
    assert "Invitations nobody has accepted are not counted." in html
    for name, value in {
        "work_trial": 1,
        "wage_subsidy": 1,
        "summer_job": 1,
        "permanent_job": 0,
        "ended_employed": 1,
        "ended_education": 1,
        "ended_new_placement": 0,
        "ended_other": 0,
        "mentors": 2,
        "young": 0,
    }.items():
        assert f'name="{name}" value="{value}"' in html, name
    assert "Altogether 3 people taken in." in html
    assert "Altogether 2 people whose placement ended." in html
    assert_shows_message(response, ENDED_LEGEND)
    assert_shows_message(response, TARGET_GROUPS_NOT_PREFILLED)
    assert not FollowUpReport.objects.exists()


def test_without_placements_the_form_says_nothing_of_a_prefill(
    client, certification, contact
):
    client.force_login(contact)
    html = client.get(file_url(certification)).content.decode()

    assert 'id="prefill-note"' not in html
    assert 'name="work_trial" value="0"' in html
    assert 'id="ended-fieldset"' in html


def test_the_contact_corrects_the_prefilled_values_before_sending(
    client, certification, contact, placements
):
    client.force_login(contact)
    response = client.post(
        file_url(certification),
        filing(
            work_trial="2",
            wage_subsidy="1",
            permanent_job="1",
            young="2",
            ended_employed="2",
            ended_other="1",
            mentors="3",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    figures = FollowUpFigures.objects.get()
    assert (figures.taken_in, figures.work_trial, figures.permanent_job) == (4, 2, 1)
    assert (figures.summer_job, figures.young, figures.mentors) == (0, 2, 3)
    assert (
        figures.ended_employed,
        figures.ended_education,
        figures.ended_new_placement,
        figures.ended_other,
    ) == (2, 0, 0, 1)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"ended_employed": "abc"}, "ended_employed", NOT_A_COUNT_MESSAGE),
        ({"ended_education": "-1"}, "ended_education", NOT_A_COUNT_MESSAGE),
        ({"ended_other": "1.5"}, "ended_other", NOT_A_COUNT_MESSAGE),
        ({"ended_new_placement": ""}, "ended_new_placement", NOT_A_COUNT_MESSAGE),
        ({"ended_employed": "100001"}, "ended_employed", TOO_LARGE_MESSAGE),
        (
            {"ended_employed": "60000", "ended_other": "40001"},
            None,
            ENDED_TOO_LARGE_MESSAGE,
        ),
    ],
)
def test_a_bad_outcome_count_gets_its_message_and_saves_nothing(
    client, certification, contact, placements, values, field, message
):
    client.force_login(contact)
    response = client.post(file_url(certification), filing(**values))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, message)
    form = response.context["form"]
    if field is None:
        assert form.non_field_errors() == [str(message)]
    else:
        assert form.errors[field] == [str(message)]
    html = response.content.decode()
    assert "Nothing was saved" in html
    # What the form started from is still explained.
    assert PREFILL_SENTENCE in html
    assert not FollowUpReport.objects.exists()
    assert not FollowUpFigures.objects.exists()


def test_outcomes_up_to_the_largest_count_together_are_accepted(
    client, certification, contact
):
    client.force_login(contact)
    response = client.post(
        file_url(certification),
        filing(ended_employed="60000", ended_other="40000"),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert FollowUpFigures.objects.get().ended_other == 40000


def test_another_firms_contact_sees_no_prefill(client, certification, placements):
    other = factories.enrolment(run_=factories.run()).contact
    client.force_login(other)
    response = client.get(file_url(certification))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Pre-filled from" not in response.content.decode()


def test_the_filed_report_shows_the_outcomes_and_is_not_prefilled_again(
    client, certification, contact, placements
):
    client.force_login(contact)
    client.post(file_url(certification), filing(work_trial="1", ended_other="3"))
    report = FollowUpReport.objects.get()

    response = client.get(reverse("results:follow_up_edit", args=[report.pk]))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'id="ended-table"' in html
    assert (
        '<th scope="row" class="fw-normal">Other</th><td class="text-end">3</td>'
        in (html)
    )
    assert 'name="ended_other" value="3"' in html
    assert 'name="ended_employed" value="0"' in html
    assert 'id="prefill-note"' not in html
