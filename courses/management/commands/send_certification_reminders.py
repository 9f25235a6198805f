"""Cron entry point: `manage.py send_certification_reminders`, run daily."""

from django.core.management.base import BaseCommand

from courses.services import reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder to the contacts of each firm whose certification "
        "expires within 90 or 30 days. Each reminder is sent only once per "
        "certification period."
    )

    def handle(self, *args, **options):
        queued = reminders.expiry_reminders_enqueue()
        self.stdout.write(f"Queued reminders about {queued} certification(s).")
