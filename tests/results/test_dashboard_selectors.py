"""The dashboard's tables on a hand-built programme where every figure is known:
per year, over time, by status, municipality and run, arrangements and target
groups, placement outcomes and the placements on the platform; a course
leader's scope; one run; validated mentors."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.utils import translation

import pytest

from courses.models import EnrolmentStatus
from lms.accounts.services import membership_add
from placements.models import Placement
from results.selectors.dashboard import dashboard_run_choices, dashboard_tables
from validation.models import ValidationCertificate

from ..accounts.factories import FirmFactory, UserFactory
from ..validation.factories import certified_case, person, unit_approved
from . import factories as f

pytestmark = pytest.mark.django_db

Y = date.today().year
TODAY = date(Y, 6, 30)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def by_slug(tables):
    return {table.slug: table for table in tables}


def as_dict(table):
    """{row label: values}, to compare a table with the expected figures."""
    return dict(zip(table.rows, table.values, strict=True))


@pytest.fixture
def programme():
    """Run A (enrolment deadline Y-2) and run B (Y-1); today is 30 June Y.

    f1 Asker: A and B; certified after A Y-2-03-01 to Y+1 (active);
       reports Y-2 (2 work trial, 1 wage subsidy; 1 young; of the placements
       that ended, 1 employed, 1 other), Y-1 (1 permanent; 1 immigrant).
       Participant p1 completes A (Y-2) and B (Y-1).
    f2 Asker: A; certified Y-2-04-01 to Y-1-04-01 (expired); report Y-2
       (3 summer jobs; 2 young, 1 disability). p2 completes A (Y-2).
    f3 Bærum: A; certified Y-2-05-01 to Y+1, revoked Y-1-11-01; p3's course
       certificate is revoked.
    f4 Bærum: applied to A, never accepted.
    f5 Lier: B; certified Y-1-06-01 to Y+1 (active); report Y-1
       (4 apprenticeships; 2 others; 2 went on to education). p4 completes B
       (Y-1).
    f6 Lier: B, not certified.
    f7 Hole: B; certified Y-1-02-01 to Y-03-01 (expired by today).
    """
    leader = person()
    run_a = f.run(title="Kull A", deadline=date(Y - 2, 1, 15), leaders=[leader])
    run_b = f.run(title="Kull B", deadline=date(Y - 1, 1, 15))
    f1, f2 = f.firm("Asker"), f.firm("Asker")
    f3, f4 = f.firm("Bærum"), f.firm("Bærum")
    f5, f6 = f.firm("Lier"), f.firm("Lier")
    f7 = f.firm("Hole")

    c1 = f.certification(
        run_=run_a, firm_=f1, issued_on=date(Y - 2, 3, 1), valid_until=date(Y + 1, 3, 1)
    )
    f.figures(
        certification_=c1,
        year=Y - 2,
        work_trial=2,
        wage_subsidy=1,
        young=1,
        ended_employed=1,
        ended_other=1,
    )
    f.figures(certification_=c1, year=Y - 1, permanent_job=1, immigrant=1)
    c2 = f.certification(
        run_=run_a, firm_=f2, issued_on=date(Y - 2, 4, 1), valid_until=date(Y - 1, 4, 1)
    )
    f.figures(certification_=c2, year=Y - 2, summer_job=3, young=2, disability=1)
    c3 = f.certification(
        run_=run_a,
        firm_=f3,
        issued_on=date(Y - 2, 5, 1),
        valid_until=date(Y + 1, 5, 1),
        revoked_on=date(Y - 1, 11, 1),
    )
    f.enrolment(run_=run_a, firm_=f4, status=EnrolmentStatus.APPLIED)
    b1 = f.enrolment(run_=run_b, firm_=f1)
    c5 = f.certification(
        run_=run_b, firm_=f5, issued_on=date(Y - 1, 6, 1), valid_until=date(Y + 1, 6, 1)
    )
    f.figures(
        certification_=c5,
        year=Y - 1,
        apprenticeship=4,
        other_group=2,
        ended_education=2,
    )
    f.enrolment(run_=run_b, firm_=f6)
    f.certification(
        run_=run_b, firm_=f7, issued_on=date(Y - 1, 2, 1), valid_until=date(Y, 3, 1)
    )

    p1 = f.completed(
        run_=run_a, enrolment_=c1.enrolment, issued_on=date(Y - 2, 9, 1)
    ).user
    f.completed(run_=run_b, enrolment_=b1, user=p1, issued_on=date(Y - 1, 9, 1))
    f.completed(run_=run_a, enrolment_=c2.enrolment, issued_on=date(Y - 2, 9, 1))
    f.completed(
        run_=run_a, enrolment_=c3.enrolment, issued_on=date(Y - 2, 9, 1), revoked=True
    )
    f.completed(run_=run_b, enrolment_=c5.enrolment, issued_on=date(Y - 1, 9, 1))
    return {
        "a": run_a,
        "b": run_b,
        "leader": leader,
        "firms": {"f1": f1, "f2": f2, "f4": f4, "f5": f5, "f6": f6},
    }


def test_every_table_for_every_run_in_a_stable_order(programme):
    tables = dashboard_tables(today=TODAY)

    assert [table.slug for table in tables] == [
        "years",
        "certified_over_time",
        "certification_status",
        "municipalities",
        "runs",
        "arrangements",
        "target_groups",
        "placement_outcomes",
        "placements",
        "mentors_by_municipality",
    ]
    assert all(table.title and table.note for table in tables)


def test_results_by_year(programme):
    years = by_slug(dashboard_tables(today=TODAY))["years"]

    assert years.columns == (
        "Firms enrolled",
        "Firms certified",
        "Participants who completed",
        "New validated mentors",
        "People taken in",
    )
    assert as_dict(years) == {
        str(Y - 2): (3, 3, 2, 0, 6),
        str(Y - 1): (4, 2, 2, 0, 5),
        str(Y): (0, 0, 0, 0, 0),
    }
    assert years.chart == "bars"


def test_certified_firms_at_each_year_end(programme):
    line = by_slug(dashboard_tables(today=TODAY))["certified_over_time"]

    # End of Y-2: f1, f2, f3. End of Y-1: f1, f5, f7 (f2 expired, f3 revoked).
    # Today (30 June Y): f1, f5 (f7 expired in March).
    assert as_dict(line) == {str(Y - 2): (3,), str(Y - 1): (3,), str(Y): (2,)}
    assert line.chart == "line"


def test_a_firm_certified_twice_counts_once_at_a_year_end(programme):
    twice = f.firm("Asker")
    f.certification(
        run_=programme["b"],
        firm_=twice,
        issued_on=date(Y - 1, 1, 1),
        valid_until=date(Y + 1, 1, 1),
    )
    f.certification(
        run_=programme["a"],
        firm_=twice,
        issued_on=date(Y - 2, 1, 1),
        valid_until=date(Y + 1, 1, 1),
    )

    line = by_slug(dashboard_tables(today=TODAY))["certified_over_time"]

    assert as_dict(line) == {str(Y - 2): (4,), str(Y - 1): (4,), str(Y): (3,)}


def test_certification_status_by_municipality_with_totals(programme):
    status = by_slug(dashboard_tables(today=TODAY))["certification_status"]

    assert status.columns == ("Valid", "Expired", "Revoked", "Total")
    assert as_dict(status) == {
        "Asker": (1, 1, 0, 2),
        "Bærum": (0, 0, 1, 1),
        "Hole": (0, 1, 0, 1),
        "Lier": (1, 0, 0, 1),
        "Total": (2, 2, 1, 5),
    }
    assert status.row_totals and status.column_totals


def test_status_is_that_of_today(programme):
    # On 1 March Y-1, f2 and f7 were still valid; a revoked certification
    # counts as revoked whatever the day.
    status = by_slug(dashboard_tables(today=date(Y - 1, 3, 1)))["certification_status"]

    assert as_dict(status)["Total"] == (4, 0, 1, 5)


def test_results_by_municipality(programme):
    table = by_slug(dashboard_tables(today=TODAY))["municipalities"]

    assert table.columns == (
        "Firms enrolled",
        "Firms with a valid certification",
        "Participants who completed",
        "People taken in",
    )
    assert as_dict(table) == {
        "Asker": (2, 1, 2, 7),
        "Bærum": (1, 0, 0, 0),
        "Hole": (1, 0, 0, 0),
        "Lier": (2, 1, 1, 4),
    }


def test_municipalities_in_norwegian_order_and_unknown_last(programme):
    for name in ("Ål", "Øvre Eiker", "Ørland", "Æsk", "Zeta", ""):
        f.enrolment(run_=programme["a"], firm_=f.firm(name))

    table = by_slug(dashboard_tables(today=TODAY))["municipalities"]

    assert table.rows == (
        "Asker",
        "Bærum",
        "Hole",
        "Lier",
        "Zeta",
        "Æsk",
        "Ørland",
        "Øvre Eiker",
        "Ål",
        "Unknown",
    )


def test_results_by_course_run_newest_first(programme):
    table = by_slug(dashboard_tables(today=TODAY))["runs"]

    assert as_dict(table) == {"Kull B": (4, 2, 2, 4), "Kull A": (3, 3, 2, 7)}


def test_people_taken_in_by_arrangement_add_up_both_ways(programme):
    table = by_slug(dashboard_tables(today=TODAY))["arrangements"]

    assert table.columns == (
        "Work trial (arbeidstrening)",
        "Wage subsidy",
        "Permanent employment",
        "Temporary employment",
        "Apprenticeship",
        "Summer job",
        "Total",
    )
    assert as_dict(table) == {
        str(Y - 2): (2, 1, 0, 0, 0, 3, 6),
        str(Y - 1): (0, 0, 1, 0, 4, 0, 5),
        str(Y): (0, 0, 0, 0, 0, 0, 0),
        "Total": (2, 1, 1, 0, 4, 3, 11),
    }
    assert table.row_totals and table.column_totals


def test_target_groups_have_a_total_row_but_no_total_column(programme):
    table = by_slug(dashboard_tables(today=TODAY))["target_groups"]

    assert table.columns == (
        "Young people outside work or school",
        "People with disabilities or health problems",
        "Immigrants",
        "Others outside working life",
    )
    assert as_dict(table) == {
        str(Y - 2): (3, 1, 0, 0),
        str(Y - 1): (0, 0, 1, 2),
        str(Y): (0, 0, 0, 0),
        "Total": (3, 1, 1, 2),
    }
    assert table.column_totals and not table.row_totals
    assert "several target groups or to none" in table.note


def test_years_run_from_the_first_with_data_to_today_without_gaps():
    run_ = f.run(deadline=date(Y - 3, 1, 15))
    f.enrolment(run_=run_)

    years = by_slug(dashboard_tables(today=TODAY))["years"]

    assert as_dict(years) == {
        str(Y - 3): (1, 0, 0, 0, 0),
        str(Y - 2): (0, 0, 0, 0, 0),
        str(Y - 1): (0, 0, 0, 0, 0),
        str(Y): (0, 0, 0, 0, 0),
    }


def test_an_enrolment_in_next_years_run_adds_next_year_but_not_to_the_line():
    f.enrolment(run_=f.run(deadline=date(Y + 1, 1, 15)))

    tables = by_slug(dashboard_tables(today=TODAY))

    assert as_dict(tables["years"]) == {
        str(Y): (0, 0, 0, 0, 0),
        str(Y + 1): (1, 0, 0, 0, 0),
    }
    assert tables["certified_over_time"].rows == (str(Y),)


def test_nothing_recorded_gives_this_year_with_zeros(db):
    tables = by_slug(dashboard_tables(today=TODAY))

    assert as_dict(tables["years"]) == {str(Y): (0, 0, 0, 0, 0)}
    assert as_dict(tables["certification_status"]) == {"Total": (0, 0, 0, 0)}
    assert tables["municipalities"].rows == tables["runs"].rows == ()


# A course leader's scope ---------------------------------------------------------


def test_a_course_leader_counts_only_the_runs_they_lead(programme):
    tables = by_slug(
        dashboard_tables(run_ids=frozenset({programme["a"].pk}), today=TODAY)
    )

    assert "mentors_by_municipality" not in tables
    assert tables["years"].columns == (
        "Firms enrolled",
        "Firms certified",
        "Participants who completed",
        "People taken in",
    )
    # f1's report of Y-1 belongs to its certification after run A.
    assert as_dict(tables["years"]) == {
        str(Y - 2): (3, 3, 2, 6),
        str(Y - 1): (0, 0, 0, 1),
        str(Y): (0, 0, 0, 0),
    }
    assert as_dict(tables["certified_over_time"]) == {
        str(Y - 2): (3,),
        str(Y - 1): (1,),
        str(Y): (1,),
    }
    assert as_dict(tables["certification_status"]) == {
        "Asker": (1, 1, 0, 2),
        "Bærum": (0, 0, 1, 1),
        "Total": (1, 1, 1, 3),
    }
    # Run B's firms (Lier, Hole) and f1's participation in B are not counted.
    assert as_dict(tables["municipalities"]) == {
        "Asker": (2, 1, 2, 7),
        "Bærum": (1, 0, 0, 0),
    }
    assert as_dict(tables["runs"]) == {"Kull A": (3, 3, 2, 7)}
    assert as_dict(tables["arrangements"])["Total"] == (2, 1, 1, 0, 0, 3, 7)


def test_no_runs_in_scope_counts_nothing_without_asking_the_database(
    programme, django_assert_num_queries
):
    with django_assert_num_queries(0):
        tables = by_slug(dashboard_tables(run_ids=frozenset(), today=TODAY))

    assert as_dict(tables["years"]) == {str(Y): (0, 0, 0, 0)}
    assert as_dict(tables["certified_over_time"]) == {str(Y): (0,)}
    assert as_dict(tables["certification_status"]) == {"Total": (0, 0, 0, 0)}
    assert tables["municipalities"].rows == tables["runs"].rows == ()
    assert as_dict(tables["arrangements"]) == {
        str(Y): (0,) * 7,
        "Total": (0,) * 7,
    }
    assert "mentors_by_municipality" not in tables


def test_one_run_of_every_run(programme):
    tables = by_slug(dashboard_tables(run_id=programme["b"].pk, today=TODAY))

    assert as_dict(tables["runs"]) == {"Kull B": (4, 2, 2, 4)}
    assert as_dict(tables["years"]) == {
        str(Y - 1): (4, 2, 2, 4),
        str(Y): (0, 0, 0, 0),
    }
    assert "mentors_by_municipality" not in tables


def test_a_course_leader_narrows_to_a_run_they_lead(programme):
    tables = by_slug(
        dashboard_tables(
            run_ids=frozenset({programme["a"].pk}),
            run_id=programme["a"].pk,
            today=TODAY,
        )
    )

    assert as_dict(tables["runs"]) == {"Kull A": (3, 3, 2, 7)}


def test_a_run_outside_the_course_leaders_runs_is_refused(programme):
    with pytest.raises(PermissionDenied):
        dashboard_tables(
            run_ids=frozenset({programme["a"].pk}), run_id=programme["b"].pk
        )


def test_run_choices_are_those_in_scope_newest_first(programme):
    a, b = programme["a"], programme["b"]

    assert dashboard_run_choices(run_ids=None) == [(b.pk, "Kull B"), (a.pk, "Kull A")]
    assert dashboard_run_choices(run_ids=frozenset({a.pk})) == [(a.pk, "Kull A")]
    assert dashboard_run_choices(run_ids=frozenset()) == []


# Validated mentors ----------------------------------------------------------------


def test_validated_mentors_by_year_of_their_first_certificate_and_municipality(
    settings,
):
    settings.VALIDATION_IV_NEW_ASSESSOR_CASES = 0
    settings.VALIDATION_IV_SHARE = 0
    am01 = unit_approved(code="AM-01")
    am02 = unit_approved(code="AM-02")
    ada = person()
    bo = person()
    membership_add(firm=FirmFactory(municipality="Hole"), user=ada)
    first = certified_case(candidate=ada, unit=am01)
    ValidationCertificate.objects.filter(case=first).update(issued_on=date(Y - 1, 5, 1))
    certified_case(candidate=ada, unit=am02)  # this year: not new
    certified_case(candidate=bo, unit=am01)  # this year, no firm

    tables = by_slug(dashboard_tables(today=TODAY))

    assert [line[3] for line in tables["years"].values] == [1, 1]
    assert tables["years"].rows == (str(Y - 1), str(Y))
    assert as_dict(tables["mentors_by_municipality"]) == {"Hole": (1,), "Unknown": (1,)}


# Placements -----------------------------------------------------------------------

PLACEMENT_COLUMNS = (
    "Under way",
    "Ended: Employed",
    "Ended: Education",
    "Ended: New placement",
    "Ended: Other",
    "Total",
)


def test_placement_outcomes_by_year_from_the_follow_up(programme):
    table = by_slug(dashboard_tables(today=TODAY))["placement_outcomes"]

    assert table.columns == ("Employed", "Education", "New placement", "Other", "Total")
    assert as_dict(table) == {
        str(Y - 2): (1, 0, 0, 1, 2),
        str(Y - 1): (0, 2, 0, 0, 2),
        str(Y): (0, 0, 0, 0, 0),
        "Total": (1, 2, 0, 1, 4),
    }
    assert table.row_totals and table.column_totals


def test_a_course_leaders_placement_outcomes_are_those_of_their_runs(programme):
    tables = by_slug(
        dashboard_tables(run_ids=frozenset({programme["a"].pk}), today=TODAY)
    )

    assert as_dict(tables["placement_outcomes"])["Total"] == (1, 0, 0, 1, 2)


def placement(*, firm, arrangement, ended_outcome=None, invited=False):
    """A placement straight into the table: under way, ended with
    `ended_outcome`, or an invitation nobody accepted."""
    mentor = UserFactory()
    starts_on = date(Y - 1, 3, 1)
    ended = ended_outcome is not None
    return Placement.objects.create(
        firm=firm,
        mentor=mentor,
        trainee=None if invited else UserFactory(),
        created_by=mentor,
        invited_name="Deltaker",
        invited_email="deltaker@example.no",
        arrangement=arrangement,
        starts_on=starts_on,
        planned_end_on=starts_on + timedelta(days=180),
        status="invited" if invited else ("ended" if ended else "active"),
        ended_on=starts_on + timedelta(days=90) if ended else None,
        outcome=ended_outcome or "",
    )


@pytest.fixture
def placements(programme):
    """f1 (runs A and B): a work trial under way, and an invitation nobody
    accepted; f2 (A): a wage subsidy ended in a job; f5 (B): an apprenticeship
    ended in education; f4 (applied to A, never accepted): a summer job under
    way; a firm in no run: a work trial ended otherwise."""
    firms = programme["firms"]
    placement(firm=firms["f1"], arrangement="work_trial")
    placement(firm=firms["f1"], arrangement="work_trial", invited=True)
    placement(firm=firms["f2"], arrangement="wage_subsidy", ended_outcome="employed")
    placement(firm=firms["f5"], arrangement="apprenticeship", ended_outcome="education")
    placement(firm=firms["f4"], arrangement="summer_job")
    placement(firm=f.firm("Drammen"), arrangement="work_trial", ended_outcome="other")
    return programme


def test_placements_on_the_platform_for_every_firm(placements):
    table = by_slug(dashboard_tables(today=TODAY))["placements"]

    assert table.columns == PLACEMENT_COLUMNS
    assert as_dict(table) == {
        "Work trial (arbeidstrening)": (1, 0, 0, 0, 1, 2),
        "Wage subsidy": (0, 1, 0, 0, 0, 1),
        "Apprenticeship": (0, 0, 1, 0, 0, 1),
        "Temporary employment": (0, 0, 0, 0, 0, 0),
        "Summer job": (1, 0, 0, 0, 0, 1),
        "Total": (2, 1, 1, 0, 1, 5),
    }
    assert table.row_totals and table.column_totals
    assert "Counts only: no names." in table.note


def test_a_course_leader_sees_the_placements_of_their_runs_firms_only(placements):
    tables = by_slug(
        dashboard_tables(run_ids=frozenset({placements["a"].pk}), today=TODAY)
    )

    # Run A's accepted firms: f1 (work trial under way), f2 (wage subsidy,
    # employed); not f4 (never accepted), f5, nor the firm in no run.
    assert as_dict(tables["placements"]) == {
        "Work trial (arbeidstrening)": (1, 0, 0, 0, 0, 1),
        "Wage subsidy": (0, 1, 0, 0, 0, 1),
        "Apprenticeship": (0, 0, 0, 0, 0, 0),
        "Temporary employment": (0, 0, 0, 0, 0, 0),
        "Summer job": (0, 0, 0, 0, 0, 0),
        "Total": (1, 1, 0, 0, 0, 2),
    }


def test_one_runs_placements_are_those_of_its_firms(placements):
    tables = by_slug(dashboard_tables(run_id=placements["b"].pk, today=TODAY))

    # Run B: f1 (work trial under way), f5 (apprenticeship, education), f6.
    assert as_dict(tables["placements"])["Total"] == (1, 0, 1, 0, 0, 2)


def test_no_runs_in_scope_count_no_placements(placements, django_assert_num_queries):
    with django_assert_num_queries(0):
        tables = by_slug(dashboard_tables(run_ids=frozenset(), today=TODAY))

    assert as_dict(tables["placements"])["Total"] == (0,) * 6
