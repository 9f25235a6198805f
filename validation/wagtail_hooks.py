"""The validation side in Wagtail's admin: units (drafts edited, approved ones
read-only) and pathways."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import UnitAdminForm
from .models import Pathway, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "list-ol"
    list_display = ["code", "version", "title", "level", "credits", "status"]
    list_filter = ["status", "level"]
    search_fields = ["code", "title"]
    ordering = ["code", "-version"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("code"),
                    FieldPanel("title"),
                    FieldPanel("level"),
                    FieldPanel("credits"),
                    FieldPanel("review_date"),
                ],
                heading=_("The unit"),
            ),
            FieldPanel("purpose"),
            FieldPanel("suggested_evidence"),
            InlinePanel("outcomes", heading=_("Learning outcomes"), min_num=1),
        ],
        base_form_class=UnitAdminForm,
    )


class PathwayViewSet(SnippetViewSet):
    model = Pathway
    icon = "snippet"
    list_display = ["name", "credits_required"]


class ValidationViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Validation")
    menu_icon = "tasks"
    menu_order = 220
    items = (UnitViewSet, PathwayViewSet)


register_snippet(ValidationViewSetGroup)
