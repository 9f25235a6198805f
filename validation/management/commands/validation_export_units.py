"""`manage.py validation_export_units --idnumber X --shortname "…" [--output f]`."""

from django.core.management.base import BaseCommand, CommandError

from validation.models import Unit, UnitStatus
from validation.moodle_csv import export_units


class Command(BaseCommand):
    help = (
        "Write units as a Moodle competency framework CSV (tool_lpimportcsv), "
        "to standard output or a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--idnumber", required=True, help="Framework id number.")
        parser.add_argument("--shortname", required=True, help="Framework name.")
        parser.add_argument(
            "--code",
            action="append",
            default=[],
            help="Only this unit code (repeatable). Default: every unit.",
        )
        parser.add_argument(
            "--status",
            choices=UnitStatus.values,
            help="Only units in this state (default: all).",
        )
        parser.add_argument("--output", help="Write to this file, not stdout.")

    def handle(self, *args, idnumber, shortname, code, status, output, **options):
        units = Unit.objects.order_by("code", "version")
        if code:
            units = units.filter(code__in=code)
        if status:
            units = units.filter(status=status)
        text = export_units(
            units, framework_idnumber=idnumber, framework_shortname=shortname
        )
        if output:
            try:
                with open(output, "w", encoding="utf-8", newline="") as stream:
                    stream.write(text)
            except OSError as exc:
                raise CommandError(str(exc)) from exc
        else:
            self.stdout.write(text, ending="")
