"""The page tree's fixed frame: a root, the home page and the default site."""

from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Sosial Profil"
HOME_LEAD = (
    "Sertifiseringskurs i sosial bærekraft: for bedrifter som vil ta inn folk som "
    "står utenfor arbeidslivet."
)


@transaction.atomic
def ensure_home_page() -> HomePage:
    """Return the home page, creating the root, home page and site if missing.

    Migration `cms.0002` does the same on a fresh database; this is for a
    database that was emptied afterwards (tests that flush, a restored dump).
    """
    home = HomePage.objects.first()
    if home is None:
        locale, _created = Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Root", locale=locale))
        home = root.add_child(
            instance=HomePage(title=HOME_TITLE, slug="home", lead=HOME_LEAD)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
        create_defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Sosial Profil",
        },
    )
    return home
