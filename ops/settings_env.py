"""Print the database connection and media folders of the Django settings as
shell assignments, for ops/backup.sh and ops/restore.sh (so they read
DATABASE_URL and the folders exactly as the app does). `--tables` adds
DB_TABLES, how many tables the database has."""

import os
import shlex
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

db = settings.DATABASES["default"]
values = {
    "DB_ENGINE": db["ENGINE"].rsplit(".", 1)[-1],
    "DB_NAME": str(db["NAME"]),
    "DB_HOST": db.get("HOST") or "",
    "DB_PORT": str(db.get("PORT") or ""),
    "DB_USER": db.get("USER") or "",
    "DB_PASSWORD": db.get("PASSWORD") or "",
    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
}
if "--tables" in sys.argv:
    values["DB_TABLES"] = str(len(connection.introspection.table_names()))
for name, value in values.items():
    print(f"{name}={shlex.quote(value)}")  # noqa: T201
