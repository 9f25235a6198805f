"""Cron entry point: `manage.py send_certification_reminders`, run daily."""

from django.core.management.base import BaseCommand

from courses.services import reminders


class Command(BaseCommand):
    help = (
        "E-mail the contacts of firms whose certification expires within 90 or 30 "
        "days. Each reminder is sent only once per certification period."
    )

    def handle(self, *args, **options):
        sent = reminders.expiry_reminders_send()
        self.stdout.write(f"Sent reminders about {sent} certification(s).")
