"""`manage.py validation_import_units framework.csv`: create the units as drafts."""

from django.core.management.base import BaseCommand, CommandError

from validation.moodle_csv import MAX_CHARACTERS, import_units


class Command(BaseCommand):
    help = (
        "Import units from a Moodle competency framework CSV (tool_lpimportcsv) as "
        "drafts. All or nothing: any error imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as stream:
                data = stream.read(4 * MAX_CHARACTERS + 1)
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        result = import_units(data)
        if not result.ok:
            raise CommandError("\n".join(result.errors))
        for unit in result.units:
            self.stdout.write(f"{unit.code} v{unit.version} {unit.title}")
        self.stdout.write(f"Imported {len(result.units)} unit(s) as drafts.")
