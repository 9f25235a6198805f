"""Filing and correcting the yearly follow-up: the report and its figures are
saved together or not at all."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from courses.models import CertificationEventKind, FollowUpReport
from courses.services import certification as certification_services
from results.categories import TargetGroup
from results.models import FollowUpFigures
from results.services import (
    ENDED_TOO_LARGE_MESSAGE,
    NOT_A_COUNT_MESSAGE,
    TOO_LARGE_MESSAGE,
    follow_up_figures_problems,
    follow_up_submit,
    follow_up_update,
    group_exceeds_total_message,
)

from ..accounts.factories import UserFactory
from ..cms import factories as cms_factories
from ..courses import certification_factories as cf

pytestmark = pytest.mark.django_db

ISSUED = date(2025, 10, 1)
VALID_UNTIL = date(2026, 10, 1)
OPENS = VALID_UNTIL - timedelta(days=certification_services.RENEWAL_WINDOW_DAYS)

COUNTS = {"work_trial": 2, "wage_subsidy": 1, "summer_job": 3, "young": 4}


@pytest.fixture
def certification():
    return cf.certification(issued_on=ISSUED, valid_until=VALID_UNTIL)


@pytest.fixture
def contact(certification):
    return certification.enrolment.contact


def submit(certification, by, *, today=OPENS, counts=COUNTS, mentors=2, **kwargs):
    return follow_up_submit(
        certification=certification,
        by=by,
        narrative=kwargs.pop("narrative", "  Vi tok imot seks personer.  "),
        counts=counts,
        mentors=mentors,
        today=today,
        **kwargs,
    )


def test_filing_saves_the_report_and_its_figures(certification, contact):
    measures = [cms_factories.measure(), cms_factories.measure()]
    report = submit(certification, contact, measures=measures, publish_account=True)
    report = FollowUpReport.objects.get(pk=report.pk)
    assert (report.certification, report.period_ends, report.filed_by) == (
        certification,
        VALID_UNTIL,
        contact,
    )
    assert report.narrative == "Vi tok imot seks personer."
    figures = report.figures
    assert figures.taken_in == 6  # 2 + 1 + 3, the arrangements' sum
    assert (figures.work_trial, figures.wage_subsidy, figures.summer_job) == (2, 1, 3)
    assert (figures.permanent_job, figures.temporary_job, figures.apprenticeship) == (
        0,
        0,
        0,
    )
    assert (figures.young, figures.disability, figures.immigrant) == (4, 0, 0)
    assert figures.mentors == 2
    assert figures.year == 2026  # the period ends in October
    assert figures.publish_account is True
    assert figures.updated_by == contact
    assert set(figures.measures.all()) == set(measures)
    assert list(certification.events.values_list("kind", flat=True)) == [
        CertificationEventKind.FOLLOW_UP_FILED
    ]


def test_a_figures_problem_files_nothing(certification, contact):
    with pytest.raises(ValidationError) as caught:
        submit(certification, contact, counts={"work_trial": 1, "immigrant": 2})
    assert caught.value.message_dict == {
        "immigrant": [
            group_exceeds_total_message(
                group=TargetGroup.IMMIGRANT.label, count=2, total=1
            )
        ]
    }
    assert not FollowUpReport.objects.exists()
    assert not FollowUpFigures.objects.exists()
    assert not certification.events.exists()


def test_a_count_that_is_not_a_whole_number_files_nothing(certification, contact):
    with pytest.raises(ValidationError) as caught:
        submit(certification, contact, mentors=-1)
    assert caught.value.message_dict == {"mentors": [str(NOT_A_COUNT_MESSAGE)]}
    assert not FollowUpReport.objects.exists()


def test_where_people_went_is_saved_with_no_sum_rule(certification, contact):
    # More placements ended than people were taken in: they began last year.
    counts = {"work_trial": 1, "ended_employed": 2, "ended_other": 1}
    report = submit(certification, contact, counts=counts)
    figures = FollowUpFigures.objects.get(report=report)
    assert (figures.taken_in, figures.ended_employed, figures.ended_other) == (1, 2, 1)
    assert (figures.ended_education, figures.ended_new_placement) == (0, 0)


@pytest.mark.parametrize(
    ("counts", "problems"),
    [
        ({"ended_education": -1}, {"ended_education": NOT_A_COUNT_MESSAGE}),
        ({"ended_new_placement": "2"}, {"ended_new_placement": NOT_A_COUNT_MESSAGE}),
        ({"ended_other": True}, {"ended_other": NOT_A_COUNT_MESSAGE}),
        ({"ended_employed": 100_001}, {"ended_employed": TOO_LARGE_MESSAGE}),
        (
            {"ended_employed": 50_000, "ended_education": 50_001},
            {"__all__": ENDED_TOO_LARGE_MESSAGE},
        ),
        ({"ended_employed": 50_000, "ended_education": 50_000}, {}),
    ],
)
def test_the_outcome_counts_rules(counts, problems):
    assert follow_up_figures_problems(counts) == {
        name: str(message) for name, message in problems.items()
    }


def test_outcomes_adding_up_past_the_largest_count_file_nothing(certification, contact):
    with pytest.raises(ValidationError) as caught:
        submit(
            certification,
            contact,
            counts={"ended_employed": 70_000, "ended_other": 30_001},
        )
    assert caught.value.messages == [str(ENDED_TOO_LARGE_MESSAGE)]
    assert not FollowUpReport.objects.exists()
    assert not FollowUpFigures.objects.exists()


def test_before_the_window_opens_no_figures_are_saved(certification, contact):
    with pytest.raises(ValidationError) as caught:
        submit(certification, contact, today=OPENS - timedelta(days=1))
    assert caught.value.messages == [
        str(certification_services.FOLLOW_UP_TOO_EARLY_MESSAGE)
        % {"date": certification_services._day(OPENS)}
    ]
    assert not FollowUpFigures.objects.exists()


def test_a_second_filing_in_the_period_saves_no_second_figures(certification, contact):
    first = submit(certification, contact)
    with pytest.raises(ValidationError) as caught:
        submit(certification, contact, counts={"apprenticeship": 9}, mentors=9)
    assert caught.value.messages == [
        str(certification_services.FOLLOW_UP_ALREADY_FILED_MESSAGE)
    ]
    assert list(FollowUpFigures.objects.values_list("report", "taken_in")) == [
        (first.pk, 6)
    ]


def test_a_revoked_certification_gets_no_figures():
    revoked = cf.revoked(issued_on=ISSUED, valid_until=VALID_UNTIL)
    with pytest.raises(ValidationError) as caught:
        submit(revoked, revoked.enrolment.contact)
    assert caught.value.messages == [
        str(certification_services.FOLLOW_UP_REVOKED_MESSAGE)
    ]
    assert not FollowUpReport.objects.exists()
    assert not FollowUpFigures.objects.exists()


def test_the_database_refuses_figures_that_do_not_add_up(certification, contact):
    report = submit(certification, contact)
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUpFigures.objects.filter(report=report).update(taken_in=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUpFigures.objects.filter(report=report).update(young=7)


# --- Correcting ---------------------------------------------------------------------


def update(report, by, *, counts=None, mentors=1, **kwargs):
    return follow_up_update(
        report=report,
        by=by,
        narrative=kwargs.pop("narrative", "Rettet: fem personer."),
        counts=counts if counts is not None else {"permanent_job": 5, "disability": 1},
        mentors=mentors,
        **kwargs,
    )


def test_the_latest_report_is_corrected_with_its_figures(certification, contact):
    old, new = cms_factories.measure(), cms_factories.measure()
    report = submit(certification, contact, measures=[old])
    editor = UserFactory()
    update(report, editor, measures=[new], publish_account=True)
    report.refresh_from_db()
    figures = FollowUpFigures.objects.get(report=report)
    assert report.narrative == "Rettet: fem personer."
    assert (figures.taken_in, figures.permanent_job, figures.work_trial) == (5, 5, 0)
    assert (figures.disability, figures.young, figures.mentors) == (1, 0, 1)
    assert list(figures.measures.all()) == [new]
    assert figures.publish_account is True
    assert figures.updated_by == editor
    assert report.filed_by == contact  # who filed it stays


def test_a_correction_with_a_figures_problem_changes_nothing(certification, contact):
    report = submit(certification, contact)
    with pytest.raises(ValidationError):
        update(report, contact, counts={"work_trial": 1, "young": 2})
    report.refresh_from_db()
    assert report.narrative == "Vi tok imot seks personer."
    assert FollowUpFigures.objects.get(report=report).taken_in == 6


def test_only_the_latest_report_can_be_corrected(certification, contact, run_leader):
    first = submit(certification, contact)
    certification_services.certification_renew(
        certification=certification, by=run_leader, today=OPENS
    )
    certification.refresh_from_db()
    second = submit(
        certification, contact, today=certification.valid_until - timedelta(days=10)
    )
    with pytest.raises(ValidationError) as caught:
        update(first, contact)
    assert caught.value.messages == [
        str(certification_services.FOLLOW_UP_NOT_LATEST_MESSAGE)
    ]
    first.refresh_from_db()
    assert first.narrative == "Vi tok imot seks personer."
    assert FollowUpFigures.objects.get(report=first).taken_in == 6
    update(second, contact)
    assert FollowUpFigures.objects.get(report=second).taken_in == 5


def test_a_report_filed_before_figures_existed_gets_them_when_corrected(
    certification, contact
):
    report = certification_services.follow_up_file(
        certification=certification, by=contact, narrative="Bare tekst.", today=OPENS
    )
    update(report, contact)
    figures = FollowUpFigures.objects.get(report=report)
    assert (figures.year, figures.taken_in) == (2026, 5)


@pytest.fixture
def run_leader(certification):
    return certification.enrolment.run.leaders.get()
