"""Cron entry point: `manage.py send_session_reminders --days 2`, run daily."""

from django.core.management.base import BaseCommand, CommandError

from courses.services import reminders


class Command(BaseCommand):
    help = (
        "E-mail every participant of an accepted enrolment about sessions that "
        "start within the given number of days. Each reminder is sent only once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=2,
            help="Remind about sessions starting within this many days (default 2).",
        )

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        queued = reminders.session_reminders_enqueue(days=days)
        self.stdout.write(f"Queued {queued} session reminder(s).")
