"""Every content page, with an empty cache, runs at most COLD_PAGE_QUERY_LIMIT
queries, and the same number however many lessons, areas or measures there are."""

from http import HTTPStatus

from django.core.management import call_command

import pytest

from cms.areas import Area

from . import factories
from .queries import COLD_PAGE_QUERY_LIMIT, cold_queries

pytestmark = pytest.mark.django_db


def _grow(area, catalogue_area=Area.ATTITUDES, n=15):
    for _ in range(n):
        factories.lesson(parent=area)
        factories.measure(area=catalogue_area, target_groups=[factories.target_group()])


@pytest.fixture
def material():
    catalogue = factories.catalogue()
    area = factories.area(area=Area.ATTITUDES)
    for _ in range(2):
        factories.lesson(parent=area)
        factories.measure(area=Area.ATTITUDES, target_groups=[factories.target_group()])
    return catalogue, area


@pytest.mark.parametrize(
    "url_of",
    [
        lambda catalogue, area: "/",
        lambda catalogue, area: area.get_parent().url,
        lambda catalogue, area: area.url,
        lambda catalogue, area: catalogue.url,
        lambda catalogue, area: catalogue.url + "?area=attitudes&kind=wage_subsidy",
        lambda catalogue, area: catalogue.url + "?target_group=unknown",
        lambda catalogue, area: "/sok/?q=Leksjon",
    ],
    ids=["home", "toolbox", "area", "catalogue", "filtered", "bad-filter", "search"],
)
def test_cold_page_queries_stay_within_the_limit_and_do_not_grow(
    client, material, url_of
):
    catalogue, area = material
    url = url_of(catalogue, area)
    before, _response = cold_queries(client, url)
    _grow(area)
    call_command("update_index", verbosity=0)
    after, _response = cold_queries(client, url)
    assert after == before <= COLD_PAGE_QUERY_LIMIT


def test_measure_detail_queries_do_not_grow_with_lessons_referring_to_it(client):
    catalogue = factories.catalogue()
    measure = factories.measure()
    area = factories.area()
    url = f"{catalogue.url}{measure.slug}/"

    def refer():
        factories.lesson(
            parent=area,
            body=[{"type": "measure", "value": {"measure": measure.pk, "note": ""}}],
        )

    refer()
    before, _response = cold_queries(client, url)
    for _ in range(10):
        refer()
    after, response = cold_queries(client, url)
    assert len(response.context["lessons"]) == 11
    assert after == before <= COLD_PAGE_QUERY_LIMIT


def test_unknown_paths_are_not_cached(client):
    from unittest import mock

    from django.core.cache import caches

    client.get("/")
    default = caches["default"]
    with (
        mock.patch.object(default, "set", wraps=default.set) as cache_set,
        mock.patch.object(default, "add", wraps=default.add) as cache_add,
    ):
        for n in range(20):
            assert client.get(f"/finnes-ikke-{n}/").status_code == HTTPStatus.NOT_FOUND
    keys = [c.args[0] for c in cache_set.call_args_list + cache_add.call_args_list]
    assert not [key for key in keys if "finnes-ikke" in key]
    assert len(keys) <= 2  # nothing per path
