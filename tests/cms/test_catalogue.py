from http import HTTPStatus

import pytest

from cms.areas import Area
from cms.models import MeasureKind

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    page = factories.catalogue()
    young = factories.target_group(name="Unge", slug="unge")
    immigrants = factories.target_group(name="Innvandrere", slug="innvandrere")
    nav = factories.provider(name="NAV Asker", slug="nav")
    town = factories.provider(name="Asker kommune", slug="asker-kommune")
    measures = {
        "lonn": factories.measure(
            name="Lønnstilskudd",
            slug="lonnstilskudd",
            provider=nav,
            kind=MeasureKind.WAGE_SUBSIDY,
            area=Area.MEASURES,
            target_groups=[young, immigrants],
        ),
        "trening": factories.measure(
            name="Arbeidstrening",
            slug="arbeidstrening",
            provider=nav,
            kind=MeasureKind.WORK_TRIAL,
            area=Area.MEASURES,
            target_groups=[young],
        ),
        "intro": factories.measure(
            name="Introduksjonsprogrammet",
            slug="introduksjonsprogrammet",
            provider=town,
            kind=MeasureKind.TRAINING,
            area=Area.TRAINING,
            target_groups=[immigrants],
        ),
    }
    return page, measures


def names(response):
    return sorted(m.name for m in response.context["measures"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Arbeidstrening", "Introduksjonsprogrammet", "Lønnstilskudd"]),
        ("?target_group=unge", ["Arbeidstrening", "Lønnstilskudd"]),
        ("?target_group=innvandrere", ["Introduksjonsprogrammet", "Lønnstilskudd"]),
        ("?kind=work_trial", ["Arbeidstrening"]),
        ("?area=training", ["Introduksjonsprogrammet"]),
        ("?provider=nav", ["Arbeidstrening", "Lønnstilskudd"]),
        ("?provider=nav&target_group=innvandrere", ["Lønnstilskudd"]),
        (
            "?target_group=unge&kind=wage_subsidy&area=measures&provider=nav",
            ["Lønnstilskudd"],
        ),
        ("?provider=asker-kommune&kind=work_trial", []),
        (
            "?target_group=&kind=&area=&provider=",
            ["Arbeidstrening", "Introduksjonsprogrammet", "Lønnstilskudd"],
        ),
    ],
)
def test_filters_and_their_combinations(client, catalogue, query, expected):
    page, _measures = catalogue
    response = client.get(page.url + query)
    assert response.status_code == HTTPStatus.OK
    assert names(response) == expected


@pytest.mark.parametrize(
    "query",
    ["?target_group=finnes-ikke", "?kind=bogus", "?area=<script>", "?provider=999"],
)
def test_unknown_filter_values_give_a_clear_empty_state(client, catalogue, query):
    page, _measures = catalogue
    response = client.get(page.url + query)
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["measures"]) == []
    html = response.content.decode()
    assert "empty-state" in html
    assert 'role="alert"' in html


def test_each_measure_has_a_stable_detail_page(client, catalogue):
    page, measures = catalogue
    response = client.get("/tiltak/arbeidstrening/")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<h1 id="measure-title">Arbeidstrening</h1>' in html
    assert "NAV Asker" in html
    assert page.measure_url(measures["trening"]) == "/tiltak/arbeidstrening/"


def test_unknown_measure_is_404(client, catalogue):
    assert client.get("/tiltak/finnes-ikke/").status_code == HTTPStatus.NOT_FOUND


def test_measure_page_lists_lessons_that_refer_to_it(client, catalogue):
    _page, measures = catalogue
    lesson = factories.lesson(
        title="Slik bruker du arbeidstrening",
        body=[
            {
                "type": "measure",
                "value": {"measure": measures["trening"].pk, "note": ""},
            }
        ],
    )
    html = client.get("/tiltak/arbeidstrening/").content.decode()
    assert lesson.title in html
    html = client.get("/tiltak/lonnstilskudd/").content.decode()
    assert lesson.title not in html


def test_catalogue_query_count_does_not_grow_with_measures(
    client, catalogue, django_assert_max_num_queries
):
    page, _ = catalogue
    client.get(page.url)  # warm caches (site root paths, menu)
    with django_assert_max_num_queries(12):
        client.get(page.url)
    for _ in range(20):
        factories.measure(target_groups=[factories.target_group()])
    with django_assert_max_num_queries(12):
        response = client.get(page.url)
    assert len(response.context["measures"]) == 23


def test_sitemap_lists_every_measure(client, catalogue):
    _page, measures = catalogue
    xml = client.get("/sitemap.xml").content.decode()
    for measure in measures.values():
        assert f"/tiltak/{measure.slug}/</loc>" in xml


def test_the_catalogue_fragment_is_cached_per_valid_filter_not_per_query_string(
    client,
):
    from unittest import mock

    from django.core.cache import caches

    catalogue = factories.catalogue()
    factories.measure()
    default = caches["default"]
    with mock.patch.object(default, "set", wraps=default.set) as cache_set:
        for n in range(10):
            client.get(catalogue.url, {"utm_source": f"kampanje-{n}"})
        for n in range(10):
            response = client.get(catalogue.url, {"target_group": f"ukjent-{n}"})
            assert response.status_code == 200
            assert response.context["form"].errors
    fragments = {c.args[0] for c in cache_set.call_args_list if "template" in c.args[0]}
    # The raw query strings all mean "no filter": one fragment; unknown values none.
    assert len(fragments) == 1
