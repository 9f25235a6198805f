"""The public figures: anonymous visitors see "*" for every count from 1 to 3
(and a second cell where a total would give one back), the downloads hold
exactly the page's cells, only published accounts are shown, and no person is
named anywhere."""

import io
from datetime import date, timedelta
from html.parser import HTMLParser
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from lms.accounts import services as accounts
from results.exports import XLSX_CONTENT_TYPE
from results.selectors.public import PUBLIC_TABLES, public_figures
from results.suppression import HIDDEN

from ..accounts.factories import UserFactory
from ..validation.factories import certified_case
from . import factories as f
from .pages import csv_rows, page_tables

pytestmark = pytest.mark.django_db

PUBLIC = reverse("results:public")
PUBLISHED = "Vi har tatt imot fem sommervikarer fra ungdomsprogrammet."
UNPUBLISHED = "HEMMELIG: tre på arbeidstrening, én av dem med helseplager."
REVOKED_PUBLISHED = "Denne bedriften mistet sertifiseringen."
# People who must never appear on the public page.
NAMES = (
    ("Zebulonia", "Quixotesdottir"),
    ("Bartholomeus", "Xylofonsen"),
    ("Ingeborgine", "Wryneckstad"),
    ("Theodorik", "Jabberwockli"),
)


def export_url(table: str, fmt: str) -> str:
    return reverse("results:public_export", args=[table, fmt])


class _Headlines(HTMLParser):
    """The headline figures of a page as {key: the shown value}."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._key = None
        self._in_dd = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-key" in attrs:
            self._key = attrs["data-key"]
        elif tag == "dd" and self._key:
            self._in_dd = True
            self.values[self._key] = ""

    def handle_endtag(self, tag):
        if tag == "dd" and self._in_dd:
            self.values[self._key] = self.values[self._key].strip()
            self._in_dd = False
            self._key = None

    def handle_data(self, data):
        if self._in_dd:
            self.values[self._key] += data


def headlines(response) -> dict[str, str]:
    parser = _Headlines()
    parser.feed(response.content.decode())
    return parser.values


def xlsx_rows(response, count: int) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(max_row=count, values_only=True)
    ]


def row(table: list[list[str]], label: str) -> list[str]:
    return next(line for line in table if line[0] == label)


@pytest.fixture
def client_en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def programme():
    """Last year: Asker Bygg AS took in 3 on work trial (1 young; its account
    not published), Asker Kafé AS 5 on summer jobs and 6 in permanent jobs
    (published), Bærum Bakeri AS 8 on wage subsidy; Drammen Data AS enrolled
    only; Lier Lager AS, revoked, published an account. One participant
    completed, one mentor is validated. Every person has a distinctive name."""
    today = timezone.localdate()
    last_year = today.year - 1
    run = f.run(title="Kull Asker", deadline=date(last_year, 1, 15))
    issued, valid = date(last_year, 3, 1), today + timedelta(days=365)

    def certified(name, municipality, **kwargs):
        return f.certification(
            run_=run,
            firm_=f.firm(municipality, name=name),
            issued_on=issued,
            valid_until=valid,
            **kwargs,
        )

    bygg = certified("Asker Bygg AS", "Asker")
    kafe = certified("Asker Kafé AS", "Asker")
    bakeri = certified("Bærum Bakeri AS", "Bærum")
    lager = certified("Lier Lager AS", "Lier", revoked_on=today - timedelta(days=10))
    f.enrolment(run_=run, firm_=f.firm("Drammen", name="Drammen Data AS"))
    people = [UserFactory(first_name=first, last_name=last) for first, last in NAMES]
    for person_, firm_ in zip(people, (bygg, kafe, bakeri), strict=False):
        accounts.membership_add(
            firm=firm_.enrolment.firm, user=person_, is_contact=True
        )
    f.figures(
        certification_=bygg,
        year=last_year,
        work_trial=3,
        young=1,
        disability=1,
        narrative=UNPUBLISHED,
        publish_account=False,
    )
    f.figures(
        certification_=kafe,
        year=last_year,
        summer_job=5,
        permanent_job=6,
        young=5,
        narrative=PUBLISHED,
        publish_account=True,
    )
    f.figures(certification_=bakeri, year=last_year, wage_subsidy=8, immigrant=4)
    f.figures(
        certification_=lager,
        year=last_year,
        narrative=REVOKED_PUBLISHED,
        publish_account=True,
    )
    f.completed(run_=run, enrolment_=kafe.enrolment, user=people[3], issued_on=issued)
    certified_case(candidate=people[0])
    return {"last_year": str(last_year), "this_year": str(today.year)}


# The page -----------------------------------------------------------------------


def test_anonymous_visitor_sees_the_page_with_small_counts_as_stars(
    client_en, programme
):
    response = client_en.get(PUBLIC)
    assert response.status_code == HTTPStatus.OK
    tables = page_tables(response)
    assert list(tables) == list(PUBLIC_TABLES)
    # Certified firms by status: 2 in Asker, 1 in Bærum, 1 revoked in Lier.
    status = tables["certification_status"]
    assert row(status, "Asker") == ["Asker", HIDDEN, "0", "0", HIDDEN]
    assert row(status, "Bærum") == ["Bærum", HIDDEN, "0", "0", HIDDEN]
    assert row(status, "Total") == ["Total", HIDDEN, "0", HIDDEN, "4"]
    # Validated mentors: one.
    assert tables["mentors_by_municipality"][-1] == ["Total", HIDDEN]
    content = response.content.decode()
    assert "Counts from 1 to 3 are shown as “*”" in content
    assert "* Hidden: a count from 1 to 3" in content


def test_a_total_that_would_give_a_hidden_count_back_hides_a_second_count(
    client_en, programme
):
    arrangements = page_tables(client_en.get(PUBLIC))["arrangements"]
    assert arrangements[0] == [
        "Year",
        "Work trial (arbeidstrening)",
        "Wage subsidy",
        "Permanent employment",
        "Temporary employment",
        "Apprenticeship",
        "Summer job",
        "Total",
    ]
    # 3 on work trial is hidden; 22 - 8 - 6 would give it back, so the
    # smallest other count of the row (5 summer jobs) is hidden too.
    last_year = programme["last_year"]
    assert row(arrangements, last_year) == [
        last_year,
        HIDDEN,
        "8",
        "6",
        "0",
        "0",
        HIDDEN,
        "22",
    ]
    assert row(arrangements, "Total") == [
        "Total",
        HIDDEN,
        "8",
        "6",
        "0",
        "0",
        HIDDEN,
        "22",
    ]
    target_groups = page_tables(client_en.get(PUBLIC))["target_groups"]
    # Young 1 + 5: 6; disability 1 (hidden) equals its total (hidden too).
    assert row(target_groups, last_year) == [last_year, "6", HIDDEN, "4", "0"]


def test_headline_figures_are_the_tables_cells(client_en, programme):
    response = client_en.get(PUBLIC)
    assert headlines(response) == {
        "certified": HIDDEN,
        "certified_all": "4",
        "taken_in_last_year": "22",
        "taken_in": "22",
        "mentors": HIDDEN,
        "enrolled": "5",
    }
    assert (
        f"People taken in by certified firms in {programme['last_year']}"
        in response.content.decode()
    )


def test_threshold_comes_from_the_setting(client_en, programme):
    client_en.get(PUBLIC)  # the tables at the default threshold, cached
    with override_settings(RESULTS_SUPPRESS_BELOW=7):
        response = client_en.get(PUBLIC)
        csv_response = client_en.get(export_url("arrangements", "csv"))
    last_year = programme["last_year"]
    # 6 is now small too; with 3 hidden cells the row needs no more.
    expected = [last_year, HIDDEN, "8", HIDDEN, "0", "0", HIDDEN, "22"]
    assert row(page_tables(response)["arrangements"], last_year) == expected
    assert row(csv_rows(csv_response), last_year) == expected
    assert "Counts from 1 to 6 are shown as “*”" in response.content.decode()

    with override_settings(RESULTS_SUPPRESS_BELOW=1):
        response = client_en.get(PUBLIC)
    assert row(page_tables(response)["arrangements"], last_year) == [
        last_year,
        "3",
        "8",
        "6",
        "0",
        "0",
        "5",
        "22",
    ]


def test_published_account_is_shown_and_no_other(client_en, programme):
    content = client_en.get(PUBLIC).content.decode()
    assert PUBLISHED in content
    assert "Asker Kafé AS" in content
    assert UNPUBLISHED not in content
    assert REVOKED_PUBLISHED not in content


def test_published_accounts_are_newest_first_with_firm_and_year(programme):
    accounts_ = public_figures().accounts
    assert [(a.firm, a.year, a.narrative) for a in accounts_] == [
        ("Asker Kafé AS", int(programme["last_year"]), PUBLISHED)
    ]


def test_no_person_is_named_on_the_page_the_home_page_or_the_downloads(
    client, programme
):
    responses = [client.get(PUBLIC), client.get("/")]
    for slug in PUBLIC_TABLES:
        responses.append(client.get(export_url(slug, "csv")))
    contents = [response.content.decode() for response in responses]
    for first, last in NAMES:
        for content in contents:
            assert first not in content
            assert last not in content


def test_the_page_needs_no_login_and_sets_no_personal_data(client, programme):
    response = client.get(PUBLIC)
    assert response.status_code == HTTPStatus.OK
    assert "sessionid" not in response.cookies


# The downloads ------------------------------------------------------------------


def test_downloads_hold_exactly_the_page_cells(client_en, programme):
    tables = page_tables(client_en.get(PUBLIC))
    for slug in PUBLIC_TABLES:
        page = tables[slug]
        response = client_en.get(export_url(slug, "csv"))
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"].startswith("text/csv")
        assert csv_rows(response) == page, slug
        response = client_en.get(export_url(slug, "xlsx"))
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == XLSX_CONTENT_TYPE
        assert xlsx_rows(response, len(page)) == page, slug
    assert HIDDEN in row(tables["arrangements"], programme["last_year"])


def test_downloads_never_hold_an_account(client, programme):
    for slug in PUBLIC_TABLES:
        for fmt in ("csv", "xlsx"):
            content = client.get(export_url(slug, fmt)).content
            assert PUBLISHED.encode() not in content
            assert UNPUBLISHED.encode() not in content


@pytest.mark.parametrize(
    ("table", "fmt"),
    [("runs", "csv"), ("nothing", "csv"), ("years", "pdf"), ("years", "json")],
)
def test_unknown_table_or_format_is_404(client, table, fmt):
    assert client.get(export_url(table, fmt)).status_code == HTTPStatus.NOT_FOUND


def test_the_per_run_table_is_not_public(client_en, programme):
    content = client_en.get(PUBLIC).content.decode()
    assert "Kull Asker" not in content
    assert 'id="table-runs"' not in content


# The home page --------------------------------------------------------------------


def test_home_page_shows_the_headline_suppressed_with_a_link(client_en, programme):
    response = client_en.get("/")
    assert response.status_code == HTTPStatus.OK
    # Grand totals only (three queries), each the very cell the public page
    # shows under the same key.
    assert headlines(response) == {
        "certified_all": "4",
        "taken_in": "22",
        "mentors": HIDDEN,
        "enrolled": "5",
    }
    content = response.content.decode()
    assert f'href="{PUBLIC}"' in content
    assert "Counts from 1 to 3 are not shown" in content
    assert UNPUBLISHED not in content
    assert PUBLISHED not in content


def test_home_page_and_public_page_show_the_same_headline(client_en, programme):
    home = headlines(client_en.get("/"))
    public = headlines(client_en.get(PUBLIC))
    assert home == {key: public[key] for key in home}


def test_footer_links_the_public_figures(client_en):
    assert f'href="{PUBLIC}"' in client_en.get("/").content.decode()


# Speed ---------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def test_a_second_visit_reads_the_tables_from_the_shared_cache(client, programme):
    client.get(PUBLIC)
    with CaptureQueriesContext(connection) as queries:
        client.get(PUBLIC)
    # Only the published accounts: one withdrawn must disappear at once.
    assert len(queries) == 1
    assert "results_followupfigures" in queries[0]["sql"]


def test_page_query_count_does_not_grow_with_the_number_of_firms(client, programme):
    before = _queries(client, PUBLIC)
    f.bulk_programme(firms=60, years=3)
    after = _queries(client, PUBLIC)
    assert after == before
