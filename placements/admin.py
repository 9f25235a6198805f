"""Django admin for placements: superusers look placements up for support;
they change nothing here (the placement pages check the rules)."""

from django.contrib import admin

from lms.admin import ReadOnlyAdmin

from .models import Placement


@admin.register(Placement)
class PlacementAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "firm",
        "mentor",
        "status",
        "starts_on",
        "ended_on",
        "outcome",
    ]
    list_filter = ["status", "arrangement", "outcome"]
    list_select_related = ["firm", "mentor"]
    search_fields = ["firm__name", "firm__org_number", "mentor__email"]
    exclude = ["invitation_token_hash"]
