"""The audit trail in Django's admin (superusers only): to read, never to change."""

from django.contrib import admin

from lms.admin import ReadOnlyAdmin

from .models import CaseEvent, CriterionDecision


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "from_status", "to_status", "by", "at"]
    list_filter = ["kind"]
    list_select_related = ["case__unit", "case__candidate", "by"]


@admin.register(CriterionDecision)
class CriterionDecisionAdmin(ReadOnlyAdmin):
    list_display = ["case", "criterion", "outcome", "by", "at"]
    list_select_related = ["case__unit", "case__candidate", "criterion__outcome", "by"]
