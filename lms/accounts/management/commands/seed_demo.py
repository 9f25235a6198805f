from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

# Each app that has demo data has a `demo` module with `seed(stdout)`; they run
# in this order, because later ones build on earlier ones.
DEMO_APPS = ["lms.accounts", "cms", "courses", "validation", "results", "placements"]


class Command(BaseCommand):
    help = "Load the demo data (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        for name in DEMO_APPS:
            if not apps.is_installed(name):
                continue
            try:
                module = import_module(f"{name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{name}.demo":
                    raise
                continue
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))
