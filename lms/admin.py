"""Django's admin is for superusers only.

Firms, courses and runs are managed in Wagtail's admin (`/admin/`), with the
same object permissions as the site. Django's admin (`/django-admin/`) stays as
the superuser's tool for fixing data; staff who are not superusers are sent to
its login page like anyone else without access.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminSite(admin.AdminSite):
    def has_permission(self, request):
        user = request.user
        return bool(user.is_active and user.is_superuser)


class SuperuserAdminConfig(AdminConfig):
    """Replaces `django.contrib.admin` in INSTALLED_APPS, so `admin.site` (and
    every `@admin.register`) is the superusers-only site."""

    default_site = "lms.admin.SuperuserAdminSite"


class ReadOnlyAdmin(admin.ModelAdmin):
    """For looking things up: records here change only through the site's own
    pages, which check the rules and record every change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
