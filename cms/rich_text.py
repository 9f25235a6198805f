"""Rich text links to pages, expanded with one query per text."""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class PageLinkHandlerOneQuery(PageLinkHandler):
    """Wagtail's page link handler, reading the linked pages in one query.

    Wagtail's own reads each linked page as its specific type (two queries and
    every column) to write an address that needs only the page's tree path. None
    of our page types changes how its address is made (`get_url_parts`), so the
    generic page gives the same address; `tests/cms/test_rich_text_links.py`
    checks that for every page type.
    """

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = Page.objects.filter(id__in=[i for i in ids if i.isdigit()]).only(
            "id", "url_path", "live", "locale_id", "content_type_id"
        )
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(i) for i in ids]
