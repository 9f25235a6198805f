"""The validation side in Wagtail's admin: units (drafts edited, approved ones
read-only) and pathways."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .forms import UnitAdminForm
from .models import Pathway, Unit, UnitStatus


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


@hooks.register("register_admin_urls")
def unit_decision_urls():
    return [
        path(
            f"validation/units/<int:pk>/{decision.replace('_', '-')}/",
            admin_views.unit_decision,
            {"decision": decision},
            name=f"validation_unit_{decision}",
        )
        for decision in admin_views.DECISIONS
    ]


# The panel's decisions offered on each unit of the list, by its status.
DECISIONS_BY_STATUS = {
    UnitStatus.DRAFT: ["approve"],
    UnitStatus.APPROVED: ["new_version", "retire"],
    UnitStatus.RETIRED: ["new_version"],
}


@hooks.register("register_snippet_listing_buttons")
def unit_decision_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Unit) or not user.has_perm(
        "validation.decide_unit", snippet
    ):
        return []
    return [
        ListingButton(
            admin_views.DECISIONS[decision][0],
            reverse(f"validation_unit_{decision}", args=[snippet.pk]),
            priority=30 + number,
        )
        for number, decision in enumerate(DECISIONS_BY_STATUS[snippet.status])
    ]
