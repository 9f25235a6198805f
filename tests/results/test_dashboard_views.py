"""The results dashboard page and its exports: who may see them, what each
person's scope holds (a course leader's only their own runs, also in the
downloads), the `?run=` filter, exports equal to the page, and a query count
that does not grow with the number of firms."""

import io
from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from lms.accounts.roles import Role
from placements.models import Placement
from results.exports import XLSX_CONTENT_TYPE
from results.views.dashboard import RUN_INVALID

from ..accounts.factories import UserFactory
from ..validation.factories import person
from . import factories as f
from .pages import csv_rows, page_tables

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("results:dashboard")
WORKBOOK = reverse("results:dashboard_workbook")


def export_url(table: str, fmt: str) -> str:
    return reverse("results:dashboard_export", args=[table, fmt])


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sheet_rows(sheet, count: int) -> list[list[str]]:
    """The first `count` rows of a sheet, every cell as text."""
    return [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(max_row=count, values_only=True)
    ]


def workbook(response):
    return load_workbook(io.BytesIO(response.content))


@pytest.fixture
def programme():
    """Run A, led by `leader`: Asker Bygg AS (certified, took in 3 on work
    trial, 1 of them young) and Bærum Kafé AS (enrolled). Run B, led by
    someone else: Tromsø Fisk AS in Tromsø (certified, took in 5 on summer
    jobs). A participant of each certified firm completed."""
    today = timezone.localdate()
    leader = person(Role.COURSE_LEADER)
    run_a = f.run(title="Kull Asker", deadline=today, leaders=[leader])
    run_b = f.run(title="Kull Tromsø", deadline=today)
    asker = f.certification(
        run_=run_a,
        firm_=f.firm("Asker", name="Asker Bygg AS"),
        issued_on=today,
        valid_until=today + timedelta(days=365),
    )
    f.enrolment(run_=run_a, firm_=f.firm("Bærum", name="Bærum Kafé AS"))
    f.figures(certification_=asker, year=today.year, work_trial=3, young=1)
    f.completed(run_=run_a, enrolment_=asker.enrolment, issued_on=today)
    tromso = f.certification(
        run_=run_b,
        firm_=f.firm("Tromsø", name="Tromsø Fisk AS"),
        issued_on=today,
        valid_until=today + timedelta(days=365),
    )
    f.figures(certification_=tromso, year=today.year, summer_job=5)
    f.completed(run_=run_b, enrolment_=tromso.enrolment, issued_on=today)
    return {"leader": leader, "a": run_a, "b": run_b, "year": str(today.year)}


def row(table: list[list[str]], label: str) -> list[str]:
    return next(line for line in table if line[0] == label)


# Access -------------------------------------------------------------------------


def test_a_visitor_is_sent_to_log_in(client):
    for url in (DASHBOARD, WORKBOOK, export_url("years", "csv")):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize(
    "role",
    [
        Role.PARTICIPANT,
        Role.FIRM_CONTACT,
        Role.CANDIDATE,
        Role.ASSESSOR,
        Role.EDITOR,
        Role.INTERNAL_VERIFIER,
        Role.EXTERNAL_MODERATOR,
    ],
)
def test_nobody_else_may_see_the_dashboard_or_its_downloads(client, role):
    client.force_login(person(role))

    for url in (DASHBOARD, WORKBOOK, export_url("years", "csv")):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN


def test_a_firms_contact_and_participant_may_not_see_it_either(client, contact, member):
    for user in (contact, member):
        client.force_login(user)
        assert client.get(DASHBOARD).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("role", [Role.PROGRAMME_OWNER, Role.ADMINISTRATOR])
def test_programme_owners_and_administrators_see_every_run(client_en, programme, role):
    client_en.force_login(person(role))

    response = client_en.get(DASHBOARD)

    assert response.status_code == HTTPStatus.OK
    tables = page_tables(response)
    assert [line[0] for line in tables["runs"][1:]] == ["Kull Asker", "Kull Tromsø"]
    municipalities = tables["municipalities"]
    assert municipalities[0] == [
        "Municipality",
        "Firms enrolled",
        "Firms with a valid certification",
        "Participants who completed",
        "People taken in",
    ]
    assert municipalities[1:] == [
        ["Asker", "1", "1", "1", "3"],
        ["Bærum", "1", "0", "0", "0"],
        ["Tromsø", "1", "1", "1", "5"],
    ]
    assert row(tables["years"], programme["year"])[-1] == "8"
    assert "mentors_by_municipality" in tables
    assert "Every run" in response.content.decode()


def test_a_course_leader_sees_only_the_figures_of_their_own_runs(client_en, programme):
    client_en.force_login(programme["leader"])

    response = client_en.get(DASHBOARD)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Tromsø" not in html
    tables = page_tables(response)
    assert tables["runs"][1:] == [["Kull Asker", "2", "1", "1", "3"]]
    assert tables["municipalities"][1:] == [
        ["Asker", "1", "1", "1", "3"],
        ["Bærum", "1", "0", "0", "0"],
    ]
    assert row(tables["years"], programme["year"]) == [
        programme["year"],
        "2",
        "1",
        "1",
        "3",
    ]
    # Validated mentors are not counted by run: a course leader has no table.
    assert "mentors_by_municipality" not in tables
    assert response.context["form"].fields["run"].widget.choices[1:] == [
        (programme["a"].pk, "Kull Asker")
    ]


def _placement(firm, **fields):
    """A placement of `firm` under way (unless `fields` say otherwise)."""
    mentor = UserFactory()
    starts_on = timezone.localdate() - timedelta(days=60)
    return Placement.objects.create(
        **{
            "firm": firm,
            "mentor": mentor,
            "trainee": UserFactory(),
            "created_by": mentor,
            "invited_name": "Deltaker",
            "invited_email": "deltaker@example.no",
            "arrangement": "work_trial",
            "starts_on": starts_on,
            "planned_end_on": starts_on + timedelta(days=90),
            "status": "active",
            **fields,
        }
    )


def test_the_placements_table_holds_the_firms_in_scope_as_counts_only(
    client_en, programme
):
    asker = programme["a"].enrolments.get(firm__name="Asker Bygg AS").firm
    tromso = programme["b"].enrolments.get().firm
    _placement(asker)
    _placement(
        asker,
        status="ended",
        ended_on=timezone.localdate() - timedelta(days=10),
        outcome="employed",
    )
    _placement(tromso)
    header = [
        "Arrangement",
        "Under way",
        "Ended: Employed",
        "Ended: Education",
        "Ended: New placement",
        "Ended: Other",
        "Total",
    ]

    client_en.force_login(person(Role.PROGRAMME_OWNER))
    tables = page_tables(client_en.get(DASHBOARD))
    assert tables["placements"][0] == header
    assert row(tables["placements"], "Work trial (arbeidstrening)") == [
        "Work trial (arbeidstrening)",
        "2",
        "1",
        "0",
        "0",
        "0",
        "3",
    ]

    client_en.force_login(programme["leader"])
    response = client_en.get(DASHBOARD)
    tables = page_tables(response)
    assert row(tables["placements"], "Total") == ["Total", "1", "1", "0", "0", "0", "2"]
    assert "Deltaker" not in response.content.decode()


def test_a_course_leaders_downloads_hold_only_their_runs(client_en, programme):
    client_en.force_login(programme["leader"])

    table_csv = client_en.get(export_url("municipalities", "csv"))
    runs_xlsx = client_en.get(export_url("runs", "xlsx"))
    every = client_en.get(WORKBOOK)

    assert "Tromsø" not in table_csv.content.decode("utf-8")
    assert [line[0] for line in csv_rows(table_csv)] == [
        "Municipality",
        "Asker",
        "Bærum",
    ]
    assert sheet_rows(workbook(runs_xlsx).active, 2)[1][0] == "Kull Asker"
    book = workbook(every)
    text = " ".join(
        str(value)
        for sheet in book.worksheets
        for line in sheet.iter_rows(values_only=True)
        for value in line
        if value is not None
    )
    assert "Tromsø" not in text
    assert "Kull Asker" in text


def test_a_course_leader_of_no_run_sees_empty_tables_not_everything(client_en):
    client_en.force_login(person(Role.COURSE_LEADER))
    f.certification(
        run_=f.run(title="Kull Tromsø"),
        firm_=f.firm("Tromsø"),
        issued_on=timezone.localdate(),
        valid_until=timezone.localdate() + timedelta(days=365),
    )

    response = client_en.get(DASHBOARD)

    assert response.status_code == HTTPStatus.OK
    assert "Tromsø" not in response.content.decode()
    assert page_tables(response)["runs"][1:] == [["No figures yet."]]


# The run filter -----------------------------------------------------------------


def test_one_run_narrows_the_page_and_its_downloads(client_en, programme):
    client_en.force_login(person(Role.PROGRAMME_OWNER))
    run_b = programme["b"].pk

    response = client_en.get(DASHBOARD, {"run": run_b})

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Figures of the course run Kull Tromsø." in html
    assert page_tables(response)["runs"][1:] == [["Kull Tromsø", "1", "1", "1", "5"]]
    assert f"{export_url('runs', 'csv')}?run={run_b}" in html
    assert f"{WORKBOOK}?run={run_b}" in html
    download = client_en.get(export_url("runs", "csv"), {"run": run_b})
    assert csv_rows(download)[1:] == [["Kull Tromsø", "1", "1", "1", "5"]]
    assert (
        download["Content-Disposition"]
        == f'attachment; filename="resultater-runs-lop-{run_b}.csv"'
    )


def test_a_run_outside_the_scope_is_not_found(client_en, programme):
    client_en.force_login(programme["leader"])
    other = programme["b"].pk

    assert client_en.get(DASHBOARD, {"run": other}).status_code == HTTPStatus.NOT_FOUND
    assert (
        client_en.get(export_url("years", "csv"), {"run": other}).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert client_en.get(WORKBOOK, {"run": other}).status_code == HTTPStatus.NOT_FOUND


def test_a_run_that_does_not_exist_is_not_found(client_en, programme):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    response = client_en.get(DASHBOARD, {"run": 999_999})

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("value", ["abc", "-3", "0", "1.5"])
def test_a_run_that_is_not_a_number_gets_a_message_and_every_run(
    client_en, programme, value
):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    response = client_en.get(DASHBOARD, {"run": value})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors == {"run": [str(RUN_INVALID)]}
    assert str(RUN_INVALID) in response.content.decode()
    assert len(page_tables(response)["runs"]) == 1 + 2


# Exports ------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["municipalities", "arrangements", "years"])
def test_the_downloads_hold_exactly_what_the_page_shows(client_en, programme, slug):
    client_en.force_login(person(Role.PROGRAMME_OWNER))
    shown = page_tables(client_en.get(DASHBOARD))[slug]

    table_csv = client_en.get(export_url(slug, "csv"))
    table_xlsx = client_en.get(export_url(slug, "xlsx"))
    every = workbook(client_en.get(WORKBOOK))

    assert csv_rows(table_csv) == shown
    assert sheet_rows(workbook(table_xlsx).active, len(shown)) == shown
    [sheet] = [
        sheet for sheet in every.worksheets if sheet_rows(sheet, len(shown)) == shown
    ]
    # Counts are numbers in the spreadsheet, not text.
    assert all(
        isinstance(value, int)
        for line in sheet.iter_rows(min_row=2, max_row=len(shown), min_col=2)
        for value in (cell.value for cell in line)
    )


def test_the_workbook_has_a_sheet_per_table_in_the_pages_order(client_en, programme):
    client_en.force_login(person(Role.PROGRAMME_OWNER))
    shown = page_tables(client_en.get(DASHBOARD))

    response = client_en.get(WORKBOOK)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="resultater.xlsx"'
    book = workbook(response)
    assert len(book.worksheets) == len(shown)
    for sheet, rows in zip(book.worksheets, shown.values(), strict=True):
        # An empty table says so on the page; its sheet has the header only.
        rows = [line for line in rows if line != ["No figures yet."]]
        assert sheet_rows(sheet, len(rows)) == rows


def test_a_table_downloads_as_an_attachment(client_en, programme):
    client_en.force_login(person(Role.ADMINISTRATOR))

    table_csv = client_en.get(export_url("certified_over_time", "csv"))
    table_xlsx = client_en.get(export_url("certified_over_time", "xlsx"))

    assert table_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        table_csv["Content-Disposition"]
        == 'attachment; filename="resultater-certified-over-time.csv"'
    )
    assert table_xlsx["Content-Type"] == XLSX_CONTENT_TYPE
    assert (
        table_xlsx["Content-Disposition"]
        == 'attachment; filename="resultater-certified-over-time.xlsx"'
    )


@pytest.mark.parametrize(
    ("table", "fmt"),
    [("nothing", "csv"), ("years", "pdf"), ("years", "CSV"), ("resultater", "csv")],
)
def test_an_unknown_table_or_format_is_not_found(client_en, programme, table, fmt):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    assert client_en.get(export_url(table, fmt)).status_code == HTTPStatus.NOT_FOUND


def test_a_table_outside_a_course_leaders_page_is_not_found(client_en, programme):
    client_en.force_login(programme["leader"])

    response = client_en.get(export_url("mentors_by_municipality", "csv"))

    assert response.status_code == HTTPStatus.NOT_FOUND


# The page -----------------------------------------------------------------------


def test_headline_figures_come_from_the_tables(client_en, programme):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    response = client_en.get(DASHBOARD)

    headlines = {
        headline.label: (headline.value, headline.detail)
        for headline in response.context["headlines"]
    }
    assert headlines == {
        "Firms enrolled": (3, ""),
        "Firms certified": (2, "Valid 2 · Expired 0 · Revoked 0"),
        "Participants who completed": (2, ""),
        "People taken in": (8, ""),
        "Validated mentors": (0, ""),
    }


def test_every_charted_table_has_its_chart_with_its_figures_in_words(
    client_en, programme
):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    html = client_en.get(DASHBOARD).content.decode()

    for slug in ("years", "municipalities", "arrangements", "target_groups"):
        assert f'aria-labelledby="chart-{slug}-title chart-{slug}-desc"' in html
    assert 'id="chart-certified_over_time"' in html
    assert (
        '<desc id="chart-municipalities-desc">Results by municipality: Asker: '
        "Firms enrolled 1, Firms with a valid certification 1, Participants who "
        "completed 1, People taken in 3; Bærum: Firms enrolled 1, Firms with a "
        "valid certification 0, Participants who completed 0, People taken in 0; "
        "Tromsø: Firms enrolled 1, Firms with a valid certification 1, "
        "Participants who completed 1, People taken in 5.</desc>"
    ) in html
    # The runs table asks for no chart; the tables all have headers with scope.
    assert 'id="chart-runs"' not in html
    assert "<th>" not in html
    assert 'style="' not in html


def test_each_table_links_its_csv_and_xlsx(client_en, programme):
    client_en.force_login(person(Role.PROGRAMME_OWNER))

    response = client_en.get(DASHBOARD)

    html = response.content.decode()
    for panel in response.context["panels"]:
        for fmt in ("csv", "xlsx"):
            assert f'href="{export_url(panel.table.slug, fmt)}"' in html
    assert f'href="{WORKBOOK}"' in html


@pytest.mark.parametrize("role", [Role.PROGRAMME_OWNER, Role.COURSE_LEADER])
def test_the_header_links_the_dashboard_for_its_audience(client_en, role):
    client_en.force_login(person(role))

    html = client_en.get(reverse("search")).content.decode()

    assert f'href="{DASHBOARD}">Results</a>' in html


def test_the_header_has_no_dashboard_link_for_a_participant(client_en, member):
    client_en.force_login(member)

    assert (
        f'href="{DASHBOARD}"' not in client_en.get(reverse("search")).content.decode()
    )


def test_the_home_page_links_the_dashboard_for_leaders_and_owners(client_en):
    for user in (person(Role.COURSE_LEADER), person(Role.PROGRAMME_OWNER)):
        client_en.force_login(user)
        html = client_en.get(reverse("home")).content.decode()
        assert html.count(f'href="{DASHBOARD}"') == 2  # the header and the home


# Speed --------------------------------------------------------------------------


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


@pytest.mark.parametrize("role", [Role.PROGRAMME_OWNER, Role.COURSE_LEADER])
def test_the_pages_query_count_does_not_grow_with_the_number_of_firms(client, role):
    user = person(role)
    small = f.bulk_programme(firms=5, years=2)
    small.runs[0].leaders.add(user)
    client.force_login(user)
    client.get(DASHBOARD)  # the menus cached
    few = queries_of(client, DASHBOARD)
    few_workbook = queries_of(client, WORKBOOK)

    large = f.bulk_programme(firms=50, years=3)
    large.runs[0].leaders.add(user)
    client.get(DASHBOARD)  # new courses emptied the menus' cache

    assert queries_of(client, DASHBOARD) == few
    assert queries_of(client, WORKBOOK) == few_workbook
