from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Measure, Provider, TargetGroup
from .rich_text import PageLinkHandlerOneQuery


@hooks.register("register_rich_text_features", order=1)
def page_links_in_one_query(features):
    """After Wagtail's own registration (order 0), so this handler is the one used."""
    features.register_link_type(PageLinkHandlerOneQuery)


class MeasureFilterSet(WagtailFilterSet):
    class Meta:
        model = Measure
        fields = ["kind", "area", "provider", "target_groups"]


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "link"
    list_display = ["name", "provider", "kind", "area"]
    list_export = ["name", "slug", "provider", "kind", "area", "summary", "link"]
    search_fields = ["name", "summary"]
    filterset_class = MeasureFilterSet
    ordering = ["name"]


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    list_display = ["name", "slug"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Measure catalogue")
    menu_icon = "list-ul"
    menu_order = 200
    items = (MeasureViewSet, ProviderViewSet, TargetGroupViewSet)


register_snippet(CatalogueViewSetGroup)
