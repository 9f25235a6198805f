"""The placements side in Wagtail's admin: the introduction checklists new
placements start from, kept by editors and administrators."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.accounts.rules import is_administrator, is_editor
from lms.wagtail_admin import RulesPermissionPolicy

from .forms.introduction import IntroductionTemplateAdminForm
from .models import IntroductionTemplate

_keeps_checklists = is_editor | is_administrator


class IntroductionTemplatePermissionPolicy(RulesPermissionPolicy):
    """Editors and administrators keep the checklists (no group permission rows
    needed: the roles decide)."""

    actions = {
        "add": _keeps_checklists,
        "change": _keeps_checklists,
        "view": _keeps_checklists,
        "delete": _keeps_checklists,
    }
    instance_actions = dict.fromkeys(("change", "view", "delete"), _keeps_checklists)

    def visible_to(self, user):
        return IntroductionTemplate.objects.all()


# Registered before any view asks: the admin then uses the site's rules.
register_permission_policy(
    IntroductionTemplate, IntroductionTemplatePermissionPolicy(IntroductionTemplate)
)


class IntroductionTemplateViewSet(SnippetViewSet):
    model = IntroductionTemplate
    icon = "list-ul"
    menu_label = _("Introduction checklists")
    menu_name = "introduction_checklists"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "is_default"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("is_default"),
            InlinePanel("items", heading=_("Items"), min_num=1),
        ],
        base_form_class=IntroductionTemplateAdminForm,
    )


register_snippet(IntroductionTemplateViewSet)
