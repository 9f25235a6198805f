"""Django admin for the course side: superusers look up and fix data.

Courses, session templates, runs and sessions are set up in Wagtail's admin
(courses.admin_viewsets), with the site's object permissions; Django's admin is
for superusers only (lms.admin)."""

from django.contrib import admin

from lms.admin import ReadOnlyAdmin

from .models import (
    Attendance,
    Certification,
    CertificationEvent,
    Commitment,
    Course,
    CourseCertificate,
    CourseRun,
    Enrolment,
    InclusionPlan,
    PlanEvent,
    Session,
    SessionTemplate,
)


class SessionTemplateInline(admin.StackedInline):
    model = SessionTemplate
    extra = 0
    filter_horizontal = ["preparation_lessons"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "certificate_validity_months", "sessions_required"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionTemplateInline]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["position", "title", "starts_at", "ends_at", "place"]


@admin.register(CourseRun)
class CourseRunAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "municipality", "status", "enrolment_deadline"]
    list_filter = ["status", "municipality", "course"]
    search_fields = ["title"]
    filter_horizontal = ["leaders"]
    inlines = [SessionInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["firm", "run", "status", "applied_at"]
    list_filter = ["status", "run"]
    search_fields = ["firm__name", "firm__org_number"]
    autocomplete_fields = ["firm"]
    filter_horizontal = ["participants"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "status", "recorded_at"]
    list_filter = ["status", "session__run"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


class PlanEventInline(admin.TabularInline):
    model = PlanEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "version", "by", "at", "comment", "snapshot"]

    def has_add_permission(self, request, obj=None):
        # The history is written by the plan's workflow only, never by hand.
        return False


@admin.register(InclusionPlan)
class InclusionPlanAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "status", "version", "updated_at"]
    list_filter = ["status"]
    readonly_fields = ["version"]
    inlines = [CommitmentInline, PlanEventInline]


class CertificationEventInline(admin.TabularInline):
    model = CertificationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "by", "reason", "valid_until"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Certification)
class CertificationAdmin(ReadOnlyAdmin):
    list_display = [
        "holder_name",
        "enrolment",
        "code",
        "issued_on",
        "valid_until",
        "revoked_at",
    ]
    list_filter = ["issued_on", "valid_until"]
    search_fields = [
        "code",
        "holder_name",
        "enrolment__firm__name",
        "enrolment__firm__org_number",
    ]
    inlines = [CertificationEventInline]


@admin.register(CourseCertificate)
class CourseCertificateAdmin(ReadOnlyAdmin):
    list_display = ["holder_name", "run", "code", "issued_on", "revoked_at"]
    search_fields = ["code", "holder_name"]
