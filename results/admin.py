"""Django admin for results: superusers look figures up; they change only
through the follow-up pages, which check the rules and keep the sums."""

from django.contrib import admin

from lms.admin import ReadOnlyAdmin

from .models import FollowUpFigures


@admin.register(FollowUpFigures)
class FollowUpFiguresAdmin(ReadOnlyAdmin):
    list_display = ["report", "year", "taken_in", "mentors", "publish_account"]
    list_filter = ["year", "publish_account"]
    list_select_related = ["report__certification"]
    search_fields = [
        "report__certification__holder_name",
        "report__certification__enrolment__firm__name",
        "report__certification__enrolment__firm__org_number",
    ]
