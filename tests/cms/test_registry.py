"""The public registry of certified firms: who is listed, search, filters, pages."""

import re
from datetime import timedelta
from http import HTTPStatus

from django.utils import timezone

import pytest

from cms.areas import Area
from cms.models import FirmRegistryPage, HomePage
from cms.site import ensure_home_page
from lms.accounts.models import Industry

from ..accounts.factories import FirmFactory
from ..courses import certification_factories as certs
from ..courses import factories as course_factories
from ..helpers import assert_shows_message
from . import factories
from .queries import COLD_PAGE_QUERY_LIMIT, cold_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    return factories.publish(
        ensure_home_page(),
        FirmRegistryPage(title="Sertifiserte bedrifter", slug="sertifiserte-bedrifter"),
    )


@pytest.fixture
def run():
    return course_factories.run()


def assert_headings_in_order(html: str):
    """One h1 first, and no level skipped on the way down."""
    levels = [int(level) for level in re.findall(r"<h([1-6])", html.split("<main")[1])]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def names(response) -> list[str]:
    return [firm.name for firm in response.context["page_obj"]]


@pytest.fixture
def firms(registry, run):
    """Four listed firms and four that must never be listed."""
    today = timezone.localdate()
    listed = {
        "bakeri": FirmFactory(
            name="Askerbakeriet AS",
            org_number="987654325",
            municipality="Asker",
            industry=Industry.MANUFACTURING,
        ),
        "bygg": FirmFactory(
            name="Bærum Bygg AS", municipality="Bærum", industry=Industry.CONSTRUCTION
        ),
        "kafe": FirmFactory(
            name="Drammen Kafé AS",
            municipality="Drammen",
            industry=Industry.HOSPITALITY,
        ),
        "snekker": FirmFactory(
            name="Lier Snekkeri AS", municipality="Lier", industry=Industry.CONSTRUCTION
        ),
    }
    for firm in listed.values():
        certs.certification(run_=run, firm=firm)
    # Its last valid day is today: still listed.
    listed["hage"] = FirmFactory(
        name="Hole Hagesenter AS", municipality="Hole", industry=Industry.TRADE
    )
    certs.certification(
        firm=listed["hage"],
        run_=run,
        issued_on=today - timedelta(days=365),
        valid_until=today,
    )
    hidden = {
        "expired": FirmFactory(
            name="Utløpt Transport AS",
            municipality="Modum",
            industry=Industry.TRANSPORT,
        ),
        "revoked": FirmFactory(
            name="Tilbakekalt Regnskap AS",
            municipality="Ringerike",
            industry=Industry.FINANCE,
        ),
        "never": FirmFactory(
            name="Aldri Sertifisert AS", municipality="Asker", industry=Industry.OTHER
        ),
    }
    certs.expired(run_=run, firm=hidden["expired"])
    certs.revoked(run_=run, firm=hidden["revoked"])
    return listed, hidden


ALL_LISTED = [
    "Askerbakeriet AS",
    "Bærum Bygg AS",
    "Drammen Kafé AS",
    "Hole Hagesenter AS",
    "Lier Snekkeri AS",
]


def test_lists_only_firms_with_an_active_certification_by_name(client, registry, firms):
    response = client.get(registry.url)
    assert response.status_code == HTTPStatus.OK
    assert names(response) == ALL_LISTED
    html = response.content.decode()
    for hidden in ("Utløpt Transport AS", "Tilbakekalt", "Aldri Sertifisert"):
        assert hidden not in html


def test_a_firm_with_an_expired_and_an_active_certification_is_listed_once(
    client, registry, firms, run
):
    listed, _hidden = firms
    certs.expired(firm=listed["bakeri"])
    assert names(client.get(registry.url)) == ALL_LISTED


def test_a_firm_whose_certification_ended_yesterday_is_not_listed(
    client, registry, run
):
    today = timezone.localdate()
    certs.certification(
        firm=FirmFactory(name="I går AS"),
        run_=run,
        issued_on=today - timedelta(days=30),
        valid_until=today - timedelta(days=1),
    )
    assert names(client.get(registry.url)) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=bygg", ["Bærum Bygg AS"]),
        ("?q=BAKERI", ["Askerbakeriet AS"]),
        ("?q=+kafé+", ["Drammen Kafé AS"]),
        ("?q=987654325", ["Askerbakeriet AS"]),
        ("?q=987+654+325", ["Askerbakeriet AS"]),
        ("?q=987%20654", ["Askerbakeriet AS"]),
        ("?q=Utløpt", []),
        ("?q=finnes+ikke", []),
        ("?municipality=Bærum", ["Bærum Bygg AS"]),
        ("?industry=F", ["Bærum Bygg AS", "Lier Snekkeri AS"]),
        ("?industry=F&municipality=Lier", ["Lier Snekkeri AS"]),
        ("?industry=C&municipality=Lier", []),
        ("?q=AS&industry=F&municipality=Bærum", ["Bærum Bygg AS"]),
        ("?q=&municipality=&industry=", ALL_LISTED),
        ("?page=1", ALL_LISTED),
    ],
)
def test_search_and_filters(client, registry, firms, query, expected):
    response = client.get(registry.url + query)
    assert response.status_code == HTTPStatus.OK
    assert names(response) == expected


def test_search_by_org_number_matches_the_number_not_the_name(client, registry, run):
    firm = FirmFactory(name="Tallfirma AS")
    certs.certification(firm=firm, run_=run)
    response = client.get(registry.url + "?q=" + firm.org_number[:4])
    assert names(response) == ["Tallfirma AS"]


def test_filter_choices_are_the_municipalities_and_industries_present(
    client, registry, firms
):
    form = client.get(registry.url).context["form"]
    municipalities = [value for value, _label in form.fields["municipality"].choices]
    industries = [value for value, _label in form.fields["industry"].choices]
    # Expired, revoked and never-certified firms add no choice.
    assert municipalities == ["", "Asker", "Bærum", "Drammen", "Hole", "Lier"]
    assert sorted(industries) == sorted(["", "C", "F", "I", "G"])


@pytest.mark.parametrize(
    "query",
    ["?municipality=Modum", "?municipality=<script>", "?industry=Z", "?industry=K"],
)
def test_unknown_filter_values_give_a_clear_empty_state(client, registry, firms, query):
    response = client.get(registry.url + query)
    assert response.status_code == HTTPStatus.OK
    assert names(response) == []
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'class="empty-state"' in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_empty_registry_says_so(client, registry):
    response = client.get(registry.url)
    assert names(response) == []
    assert 'class="empty-state"' in response.content.decode()


def test_filters_have_labels_and_results_are_a_table(client, registry, firms):
    html = client.get(registry.url).content.decode()
    for field in ("q", "municipality", "industry"):
        assert f'for="id_{field}"' in html
    assert '<th scope="col">' in html
    assert "/sertifiserte-bedrifter/987654325/" in html
    assert "987 654 325" in html
    assert_headings_in_order(html)


def test_each_row_shows_the_industry_by_name(client, registry, firms):
    html = client.get(registry.url).content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0]
    assert f"<td>{Industry.CONSTRUCTION.label}</td>" in rows
    assert f"<td>{Industry.MANUFACTURING.label}</td>" in rows
    assert "<td>F</td>" not in rows


def test_pages_of_25_with_accessible_links_that_keep_the_filters(client, registry, run):
    certs.bulk_certified_firms(count=60, run_=run)
    response = client.get(registry.url + "?municipality=Asker")  # 12 firms
    assert len(names(response)) == 12
    assert 'class="pagination' not in response.content.decode()

    response = client.get(registry.url)
    assert len(names(response)) == 25
    assert response.context["page_obj"].paginator.num_pages == 3
    html = response.content.decode()
    assert 'aria-current="page" aria-label="' in html
    assert '<a class="page-link" href="?page=2"' in html

    response = client.get(registry.url + "?q=Massebedrift&page=3")
    assert names(response) == [f"Massebedrift {i:05d} AS" for i in range(50, 60)]
    html = response.content.decode()
    current = re.search(
        r'<a class="page-link" href="([^"]+)" aria-current="page"', html
    )
    assert current.group(1) == "?q=Massebedrift&amp;page=3"
    assert 'href="?q=Massebedrift&amp;page=2"' in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


@pytest.mark.parametrize("page", ["999", "x", "-1", ""])
def test_out_of_range_page_numbers_show_a_page_not_an_error(
    client, registry, run, page
):
    certs.bulk_certified_firms(count=30, run_=run)
    response = client.get(f"{registry.url}?page={page}")
    assert response.status_code == HTTPStatus.OK
    assert len(names(response)) in (25, 5)


def _queries(client, url) -> int:
    """Queries of the page with an empty cache (site, menu and routing cold)."""
    count, _response = cold_queries(client, url)
    assert count <= COLD_PAGE_QUERY_LIMIT
    return count


@pytest.mark.parametrize("query", ["", "?q=Massebedrift&municipality=Asker&page=2"])
def test_query_count_is_the_same_for_30_and_2000_firms(client, registry, run, query):
    certs.bulk_certified_firms(count=30, run_=run)
    with_30 = _queries(client, registry.url + query)
    certs.bulk_certified_firms(count=1970, run_=run, start=30)
    with_2000 = _queries(client, registry.url + query)
    assert with_2000 == with_30 == 11


def test_query_count_of_index(client, registry, run):
    """The exact figure with an empty cache, so a change shows up in review:
    Wagtail's site lookup and routing (4), its privacy check (2), site root
    paths (1), the menu (1), filter choices (1), count (1), the page of firms
    (1)."""
    certs.bulk_certified_firms(count=30, run_=run)
    assert _queries(client, registry.url) == 11


# The firm page


@pytest.fixture
def certified(registry, run):
    """A certified firm with public and private commitments in its plan."""
    catalogue = factories.catalogue()
    wage = factories.measure(name="Lønnstilskudd", slug="lonnstilskudd")
    mentor = factories.measure(name="Mentortilskudd", slug="mentor")
    secret = factories.measure(name="Hemmelig tiltak", slug="hemmelig")
    firm = FirmFactory(
        name="Askerbakeriet AS",
        org_number="987654325",
        municipality="Asker",
        industry=Industry.MANUFACTURING,
        public_description="Vi baker brød og tar inn lærlinger.",
        website="https://askerbakeriet.example",
    )
    certification = certs.certification(run_=run, firm=firm)
    certs.plan(
        enrolment=certification.enrolment,
        commitments=[
            {
                "area": Area.SUPPORT,
                "what": "Fast kontaktperson i NAV",
                "is_public": True,
            },
            {
                "area": Area.ATTITUDES,
                "what": "Alle ledere tar kurset",
                "is_public": True,
                "measure": mentor,
            },
            {
                "area": Area.MEASURES,
                "what": "To plasser med lønnstilskudd",
                "is_public": True,
                "measure": wage,
            },
            {
                "area": Area.MEASURES,
                "what": "Intern lønnsplan for tiltaksplasser",
                "is_public": False,
                "measure": secret,
            },
        ],
    )
    return catalogue, firm, certification


def test_firm_page_shows_the_firm_and_its_certification(client, certified):
    _catalogue, firm, certification = certified
    response = client.get("/sertifiserte-bedrifter/987654325/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<h1 id="firm-title">Askerbakeriet AS</h1>' in html
    assert "987 654 325" in html
    assert '<dd class="col-sm-9">Asker</dd>' in html
    assert_shows_message(response, Industry.MANUFACTURING.label)
    assert "Vi baker brød og tar inn lærlinger." in html
    assert 'href="https://askerbakeriet.example"' in html
    assert f'datetime="{certification.issued_on:%Y-%m-%d}"' in html
    assert f'datetime="{certification.valid_until:%Y-%m-%d}"' in html
    assert f'href="/verify/{certification.formatted_code}/"' in html
    assert_headings_in_order(html)


def test_firm_page_shows_public_commitments_by_area_in_toolbox_order(client, certified):
    html = client.get("/sertifiserte-bedrifter/987654325/").content.decode()
    positions = [
        html.index(text)
        for text in (
            "Alle ledere tar kurset",  # attitudes
            "To plasser med lønnstilskudd",  # measures
            "Fast kontaktperson i NAV",  # support
        )
    ]
    assert positions == sorted(positions)
    headings = re.findall(r'<h3 class="h5 mt-3">([^<]+)</h3>', html)
    assert len(headings) == 3


def test_firm_page_never_shows_private_commitments_or_their_measures(client, certified):
    html = client.get("/sertifiserte-bedrifter/987654325/").content.decode()
    assert "Intern lønnsplan for tiltaksplasser" not in html
    assert "Hemmelig tiltak" not in html
    assert "/tiltak/hemmelig/" not in html


def test_firm_page_links_each_measure_to_the_catalogue(client, certified):
    html = client.get("/sertifiserte-bedrifter/987654325/").content.decode()
    assert '<a href="/tiltak/lonnstilskudd/">Lønnstilskudd</a>' in html
    assert '<a href="/tiltak/mentor/">Mentortilskudd</a>' in html
    assert client.get("/tiltak/lonnstilskudd/").status_code == HTTPStatus.OK


def test_firm_page_uses_the_plan_of_the_certified_enrolment_only(
    client, certified, run
):
    _catalogue, firm, _certification = certified
    other_run = course_factories.run()
    enrolment = course_factories.enrolment(run_=other_run, firm=firm)
    certs.plan(
        enrolment=enrolment,
        commitments=[
            {"area": Area.TRAINING, "what": "Plan fra et annet kurs", "is_public": True}
        ],
    )
    html = client.get("/sertifiserte-bedrifter/987654325/").content.decode()
    assert "Plan fra et annet kurs" not in html
    assert "To plasser med lønnstilskudd" in html


def test_registry_links_to_the_firm_page(client, registry, certified):
    html = client.get(registry.url).content.decode()
    assert '<a href="/sertifiserte-bedrifter/987654325/">Askerbakeriet AS</a>' in html


@pytest.mark.parametrize("which", ["expired", "revoked", "never"])
def test_firm_page_is_404_without_an_active_certification(
    client, registry, firms, which
):
    _listed, hidden = firms
    url = f"/sertifiserte-bedrifter/{hidden[which].org_number}/"
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("org_number", ["999999999", "12345", "abcdefghi"])
def test_unknown_or_malformed_org_number_is_404(client, registry, firms, org_number):
    url = f"/sertifiserte-bedrifter/{org_number}/"
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_firm_page_query_count_does_not_grow_with_commitments(client, certified):
    """Site, routing, privacy, root paths and menu (8, cache empty), the
    certification with firm, run and course (1), the public commitments with
    their measures (1)."""
    _catalogue, _firm, certification = certified
    url = "/sertifiserte-bedrifter/987654325/"
    before = _queries(client, url)
    plan = certification.enrolment.plan
    for n in range(20):
        plan.commitments.create(
            area=Area.TRAINING,
            what=f"Opplæring {n}",
            measure=factories.measure(),
            responsible="Daglig leder",
            due_date=timezone.localdate() + timedelta(days=30),
            is_public=True,
        )
    assert _queries(client, url) == before == 10


def test_firm_page_does_not_show_who_is_responsible(client, certified):
    html = client.get("/sertifiserte-bedrifter/987654325/").content.decode()
    assert "Daglig leder" not in html


def test_sitemap_lists_the_certified_firms(client, registry, firms):
    listed, hidden = firms
    xml = client.get("/sitemap.xml").content.decode()
    assert "/sertifiserte-bedrifter/</loc>" in xml
    for firm in listed.values():
        assert f"/sertifiserte-bedrifter/{firm.org_number}/</loc>" in xml
    for firm in hidden.values():
        assert firm.org_number not in xml


def test_registry_is_a_single_leaf_meant_for_the_home_page():
    assert FirmRegistryPage.parent_page_types == ["cms.HomePage"]
    assert FirmRegistryPage.allowed_subpage_models() == []
    assert FirmRegistryPage.max_count == 1


def test_editors_may_create_the_registry_under_the_home_page():
    assert FirmRegistryPage.allowed_parent_page_models() == [HomePage]


def test_demo_creates_the_registry_once():
    from cms import demo

    demo.seed()
    demo.seed()
    page = FirmRegistryPage.objects.get()
    assert (page.slug, page.title, page.live) == (
        "sertifiserte-bedrifter",
        "Sertifiserte bedrifter",
        True,
    )
    assert page.get_parent().specific_class is HomePage
