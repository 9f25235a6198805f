"""The dashboard counts in the database: the same fixed number of queries for a
small programme and one ten times larger (more firms, runs, municipalities,
years of reports and placements), for every run and for a course leader's
runs. The placements on the platform cost one grouped query more than before
(13 for every run, 11 scoped); the placement outcomes come with the figures'
query."""

from datetime import date

from django.utils import translation

import pytest

from results.selectors.dashboard import (
    DASHBOARD_QUERIES,
    SCOPED_DASHBOARD_QUERIES,
    dashboard_run_choices,
    dashboard_tables,
)

from . import factories as f

pytestmark = pytest.mark.django_db

Y = date.today().year
SIZES = {
    "small": {"firms": 10, "years": 2, "runs": 2, "municipalities": ("Asker", "Hole")},
    "ten times larger": {
        "firms": 100,
        "years": 5,
        "runs": 6,
        "municipalities": f.MUNICIPALITIES,
    },
}


@pytest.fixture(params=list(SIZES))
def programme(request):
    with translation.override("en"):
        yield f.bulk_programme(**SIZES[request.param])


def test_every_run_in_a_fixed_number_of_queries(programme, django_assert_num_queries):
    with django_assert_num_queries(DASHBOARD_QUERIES):
        tables = {table.slug: table for table in dashboard_tables()}

    firms, reports = len(programme.firms), len(programme.firms) * len(programme.years)
    assert tables["arrangements"].values[-1][-1] == reports * 3
    assert tables["certified_over_time"].values[-1] == (firms,)
    assert tables["years"].rows == tuple(str(year) for year in programme.years)
    # Totals: under way, ended employed / education / new placement / other, all.
    assert tables["placements"].values[-1] == (firms, firms, 0, 0, 0, 2 * firms)
    assert tables["placement_outcomes"].values[-1] == (
        reports,
        reports,
        0,
        0,
        2 * reports,
    )


def test_the_placement_counts_are_one_query_of_the_dashboards(
    programme, django_assert_num_queries
):
    assert DASHBOARD_QUERIES == 13
    with django_assert_num_queries(DASHBOARD_QUERIES - 1):
        tables = {table.slug for table in dashboard_tables(with_placements=False)}

    assert "placements" not in tables
    assert "placement_outcomes" in tables


def test_a_course_leaders_runs_in_a_fixed_number_of_queries(
    programme, django_assert_num_queries
):
    led = frozenset(run.pk for run in programme.runs[:2])

    with django_assert_num_queries(SCOPED_DASHBOARD_QUERIES):
        tables = {table.slug: table for table in dashboard_tables(run_ids=led)}

    assert len(tables["runs"].rows) == 2
    # Only the placements of the firms in the led runs.
    led_firms = sum(
        1 for index in range(len(programme.firms)) if index % len(programme.runs) < 2
    )
    assert tables["placements"].values[-1][-1] == 2 * led_firms


def test_one_run_in_a_fixed_number_of_queries(programme, django_assert_num_queries):
    with django_assert_num_queries(SCOPED_DASHBOARD_QUERIES):
        dashboard_tables(run_id=programme.runs[0].pk)


def test_run_choices_in_one_query(programme, django_assert_num_queries):
    with django_assert_num_queries(1):
        choices = dashboard_run_choices(run_ids=None)

    assert len(choices) == len(programme.runs)
