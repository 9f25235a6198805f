"""Django admin for people and firms, for superusers only (lms.admin).

Firms are managed in Wagtail's admin (lms.accounts.admin_viewsets)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from lms.admin import ReadOnlyAdmin

from .models import Firm, FirmClaim, FirmSignup, Invitation, Membership, User
from .two_factor.services import two_factor_reset


@admin.action(description=_("Reset two-step sign-in (lost phone)"))
def reset_two_factor(modeladmin, request, queryset):
    """Turn two-step sign-in off for the chosen people and end their sessions;
    each reset is in the audit log (two_factor.services.two_factor_reset)."""
    for user in queryset:
        two_factor_reset(user=user, by=request.user)
    modeladmin.message_user(
        request,
        _("Two-step sign-in reset for %(count)s people.") % {"count": len(queryset)},
    )


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined", "anonymised_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]
    readonly_fields = ["anonymised_at"]
    actions = [reset_two_factor]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["name", "org_number", "municipality", "industry", "size_band"]
    list_filter = ["municipality", "industry", "size_band"]
    search_fields = ["name", "org_number"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "firm", "created_at", "expires_at", "accepted_at"]
    list_filter = ["firm"]
    search_fields = ["email", "firm__name"]
    readonly_fields = ["token_hash", "accepted_by", "accepted_at"]


@admin.register(FirmSignup)
class FirmSignupAdmin(ReadOnlyAdmin):
    list_display = [
        "email",
        "firm_name",
        "org_number",
        "created_at",
        "expires_at",
        "confirmed_at",
    ]
    search_fields = ["email", "firm_name", "org_number"]
    # The hashes are no one's business, not even a superuser's.
    exclude = ["token_hash", "password_hash"]


@admin.register(FirmClaim)
class FirmClaimAdmin(ReadOnlyAdmin):
    list_display = [
        "person",
        "firm",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status"]
    search_fields = ["person__email", "firm__name", "firm__org_number"]
