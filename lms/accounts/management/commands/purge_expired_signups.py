"""Cron entry point: `manage.py purge_expired_signups`, run daily."""

from django.core.management.base import BaseCommand

from lms.accounts.signup import services


class Command(BaseCommand):
    help = (
        "Delete firm sign-ups whose confirmation link has expired, so what a "
        "visitor typed is not kept longer than the link lives."
    )

    def handle(self, *args, **options):
        deleted = services.signups_purge_expired()
        self.stdout.write(f"Deleted {deleted} expired sign-up(s).")
