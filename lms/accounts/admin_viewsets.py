"""Firms in Wagtail's admin: administrators register and edit them; the org
number is checked (mod 11) and shown as people write it, the members are listed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column

import django_filters

from lms.wagtail_admin import (
    PermittedDeleteView,
    PermittedIndexView,
    PermittedModelViewSet,
    RulesPermissionPolicy,
    ServiceCreateView,
    ServiceEditView,
)

from . import selectors, services
from .models import Firm, Industry, SizeBand
from .rules import is_administrator
from .validators import normalise_org_number


class FirmPermissionPolicy(RulesPermissionPolicy):
    """Administrators manage every firm; a firm's own people use the site's pages."""

    actions = {
        "add": is_administrator,
        "change": is_administrator,
        "view": is_administrator,
        "delete": is_administrator,
    }
    instance_actions = actions

    def visible_to(self, user):
        return Firm.objects.all()


class FirmCreateForm(WagtailAdminModelForm):
    # Wider than the nine digits, so "914 035 171" and "NO 914035171 MVA" reach
    # `clean_org_number` and come out as the nine digits.
    org_number = forms.CharField(
        label=_("organisation number"),
        max_length=20,
        help_text=_("Nine digits, as registered in the Brønnøysund Register Centre."),
    )

    class Meta:
        model = Firm
        fields = [
            "name",
            "org_number",
            "municipality",
            "industry",
            "size_band",
            "public_description",
            "website",
        ]

    def clean_org_number(self):
        # The model's validator then checks the digits and the mod-11 check digit.
        return normalise_org_number(self.cleaned_data["org_number"])


class FirmMembersPanel(Panel):
    """The firm's organisation number and its people, read-only: people join a
    firm through an invitation or a claim, never by an administrator's edit."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "accounts/admin/firm_members_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            firm = selectors.firm_with_members(org_number=self.instance.org_number)
            context["firm"] = firm
            context["memberships"] = firm.memberships.all() if firm else []
            return context


PROFILE_PANELS = [
    FieldPanel("name"),
    MultiFieldPanel(
        [
            FieldPanel("municipality"),
            FieldPanel("industry"),
            FieldPanel("size_band"),
        ],
        heading=_("Where and what"),
    ),
    FieldPanel("public_description"),
    FieldPanel("website"),
]


class FirmIndexView(PermittedIndexView):
    def search_queryset(self, queryset):
        # People type the number as they see it ("914 035 171").
        digits = normalise_org_number(self.search_query or "")
        if self.is_searching and digits.isdigit():
            return queryset.filter(org_number__contains=digits)
        return super().search_queryset(queryset)


class FirmCreateView(ServiceCreateView):
    def create(self, form):
        return services.firm_create(**form.cleaned_data)


class FirmEditView(ServiceEditView):
    def update(self, form):
        changes = {
            field: form.cleaned_data[field]
            for field in services.FIRM_EDITABLE_FIELDS
            if field in form.cleaned_data
        }
        return services.firm_update(firm=self.object, **changes)


class FirmFilterSet(WagtailFilterSet):
    municipality = django_filters.AllValuesFilter(
        field_name="municipality", label=_("municipality")
    )
    industry = django_filters.ChoiceFilter(
        choices=Industry.choices, label=_("industry")
    )
    size_band = django_filters.ChoiceFilter(choices=SizeBand.choices, label=_("size"))

    class Meta:
        model = Firm
        fields = ["municipality", "industry", "size_band"]


def firm_create_panel():
    """The registration form's panels: the organisation number, then the profile."""
    return ObjectList(
        [FieldPanel("org_number"), *PROFILE_PANELS], base_form_class=FirmCreateForm
    ).bind_to_model(Firm)


class FirmDeleteView(PermittedDeleteView):
    # Deleting a firm would delete its enrolments, plans and certificates with it.
    kept_relations = ("enrolments",)


class FirmViewSet(PermittedModelViewSet):
    model = Firm
    name = "admin_firms"
    url_prefix = "firms"
    icon = "group"
    menu_order = 100
    add_to_admin_menu = False
    index_view_class = FirmIndexView
    add_view_class = FirmCreateView
    edit_view_class = FirmEditView
    delete_view_class = FirmDeleteView
    filterset_class = FirmFilterSet
    search_fields = ["name", "municipality"]
    ordering = ["name"]
    list_display = [
        "name",
        Column(
            "org_number_display",
            label=_("organisation number"),
            sort_key="org_number",
        ),
        "municipality",
        "industry",
        "size_band",
    ]
    # The organisation number is set once, on registration (lms.accounts.services).
    edit_handler = ObjectList(
        [*PROFILE_PANELS, FirmMembersPanel(heading=_("Organisation number and people"))]
    )

    def get_add_view_kwargs(self, **kwargs):
        panel = firm_create_panel()
        return super().get_add_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )
