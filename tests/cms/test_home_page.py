from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

import pytest

from cms.models import HomePage


class HomePageTreeTests(WagtailPageTestCase):
    def test_migration_made_the_home_page_the_site_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)

    def test_home_page_sits_only_under_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_renders(self):
        home = HomePage.objects.get()
        self.assertPageIsRenderable(home)
        response = self.client.get(home.url)
        self.assertContains(response, home.title)


@pytest.mark.django_db
def test_home_page_links_to_the_registry_and_the_verify_page(client):
    from django.urls import reverse

    from cms.models import FirmRegistryPage

    from . import factories

    home = HomePage.objects.get()
    registry = factories.publish(
        home, FirmRegistryPage(title="Sertifiserte bedrifter", slug="registeret")
    )
    html = client.get("/").content.decode()
    assert f'href="{registry.url}"' in html
    assert f'href="{reverse("verify:form")}"' in html
