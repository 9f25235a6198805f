"""Links to pages in rich text: the address of the linked page, whatever its type,
read in one query per text (cms.rich_text)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.rich_text import expand_db_html

import pytest

from cms.models import FirmRegistryPage
from cms.site import ensure_home_page

from . import factories

pytestmark = pytest.mark.django_db


def linked_pages():
    home = ensure_home_page()
    registry = FirmRegistryPage.objects.first() or factories.publish(
        home, FirmRegistryPage(title="Registeret", slug="registeret")
    )
    area = factories.area()
    return [
        home,
        factories.toolbox(),
        area,
        factories.lesson(parent=area),
        factories.catalogue(),
        registry,
    ]


def test_every_page_type_links_to_its_own_address():
    pages = linked_pages()
    html = "".join(
        f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages
    )
    expanded = expand_db_html(html)
    for page in pages:
        assert f'<a href="{page.specific.url}">{page.title}</a>' in expanded


def test_all_links_of_a_text_cost_one_query():
    pages = linked_pages()
    Page.get_first_root_node()  # nothing of the tree is cached on purpose
    html = "".join(f'<a linktype="page" id="{page.pk}">x</a>' for page in pages)
    expand_db_html(html)  # the sites' root paths are read and cached once
    with CaptureQueriesContext(connection) as context:
        expand_db_html(html)
    assert len(context.captured_queries) == 1


def test_a_link_to_a_missing_or_broken_page_stays_a_plain_anchor():
    html = '<a linktype="page" id="999999">a</a><a linktype="page" id="x">b</a>'
    assert expand_db_html(html) == "<a>a</a><a>b</a>"
