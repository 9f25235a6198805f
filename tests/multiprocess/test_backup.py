"""Backup and restore (`make backup`, `make restore`: ops/backup.sh and
ops/restore.sh) on PostgreSQL, end to end: data of every kind, certificates of
both kinds, evidence files and site media are backed up, restored into a new
empty database and new empty folders, and found there as they were: the same
rows in every table, the same sequences, the same bytes in every file, and every
certificate code still verifies on the restored site."""

import hashlib
import json
import subprocess
import sys
import time
from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path

from django.apps import apps
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

import psycopg
import pytest
from psycopg import sql

from courses.models import Certification, CourseCertificate
from lms.accounts.roles import Role
from validation.files import evidence_file_check
from validation.models import Evidence, EvidenceKind, ValidationCertificate
from validation.services import portfolio
from validation.services.cases import CaseAction

from ..courses.certification_factories import code as certificate_code
from ..results import factories as results_factories
from ..validation import factories as validation_factories
from .conftest import BASE_DIR

pytestmark = [pytest.mark.multiprocess, pytest.mark.timeout(600)]

BACKUP = BASE_DIR / "ops" / "backup.sh"
RESTORE = BASE_DIR / "ops" / "restore.sh"
RESTORED_SUFFIX = "_restored"
# Verifies each code given on the command line on the site as it runs on the
# restored database: the status of /verify/<code>/ and whether it names the holder
# (the static files' manifest is not needed for that).
VERIFY_ALL = """
import json, sys
import django
django.setup()
from django.test import Client, override_settings
from lms.verification import verify
client = Client(SERVER_NAME="localhost")
found = {}
plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
storages = {**django.conf.settings.STORAGES, "staticfiles": plain}
with override_settings(STORAGES=storages):
    for code in sys.argv[1:]:
        page = client.get(f"/verify/{code}/", follow=True, secure=True)
        found[code] = [page.status_code, verify(code).holder in page.text]
print(json.dumps(found))
"""


def run(command: list, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [str(part) for part in command],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def table_counts(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
    )
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def sequence_values(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT sequencename, last_value FROM pg_sequences "
        "WHERE schemaname = 'public' ORDER BY 1"
    )
    return dict(cursor.fetchall())


def seed(media: Path):
    """Certificates of every kind (a firm's certification, a course certificate,
    a validation certificate, one of them revoked), validation evidence files
    (private media) and a site image (media)."""
    course_run = results_factories.run()
    today = date.today()
    results_factories.certification(
        run_=course_run, issued_on=today, valid_until=today + timedelta(days=365)
    )
    results_factories.certification(
        run_=course_run,
        issued_on=today - timedelta(days=30),
        valid_until=today + timedelta(days=335),
        revoked_on=today - timedelta(days=1),
    )
    person = validation_factories.person()
    CourseCertificate.objects.create(
        run=course_run,
        user=person,
        holder_name=str(person),
        code=certificate_code(),
        issued_on=today,
        issued_by=course_run.leaders.first(),
    )
    case = validation_factories.open_case()
    for number in range(2):
        checked = evidence_file_check(
            upload=SimpleUploadedFile(
                f"bilde-{number}.png", validation_factories.png_bytes()
            )
        )
        portfolio.evidence_add(
            case=case,
            by=case.candidate,
            kind=EvidenceKind.FILE,
            title=f"Bilde {number}",
            checked_file=checked,
            criteria=validation_factories.criteria_of(case.unit),
        )
    verifier = validation_factories.person(Role.INTERNAL_VERIFIER)
    validation_factories.step(case, CaseAction.SUBMIT, case.candidate)
    validation_factories.decide_all(case)
    case = validation_factories.step(case, CaseAction.ASSESS, case.assessor)
    if case.iv_selected:
        case = validation_factories.step(case, CaseAction.VERIFY, case.verifier)
    validation_factories.step(case, CaseAction.CERTIFY, verifier)
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "logo.png").write_bytes(
        validation_factories.png_bytes()
    )


def test_a_backup_restores_into_an_empty_database_as_it_was(
    production_env, settings, tmp_path, monkeypatch
):
    source_media, source_private = tmp_path / "media", tmp_path / "private"
    settings.MEDIA_ROOT = source_media
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            **settings.STORAGES["evidence"],
            "OPTIONS": {"location": source_private / "evidence", "base_url": None},
        },
    }
    # The field took its storage when the model was defined (as in
    # tests/validation/conftest.py): give it the one the setting now names.
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", storages["evidence"]
    )
    seed(source_media)
    codes = [
        *Certification.objects.values_list("code", flat=True),
        *CourseCertificate.objects.values_list("code", flat=True),
        *ValidationCertificate.objects.values_list("code", flat=True),
    ]
    assert len(codes) == 4
    source_files = {
        "media": hashes(source_media),
        "private": hashes(source_private),
    }
    assert len(source_files["private"]) == 2

    env = {
        **production_env,
        "MEDIA_ROOT": str(source_media),
        "PRIVATE_MEDIA_ROOT": str(source_private),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    started = time.monotonic()
    done = run([BACKUP], env)
    backup_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    backup = Path(done.stdout.strip().splitlines()[-1])
    assert sorted(p.name for p in backup.iterdir()) == [
        "ENGINE",
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private_media.tar.gz",
    ]
    size = sum(p.stat().st_size for p in backup.iterdir())

    # A new, empty database and new folders.
    db = connection.settings_dict
    restored_name = db["NAME"] + RESTORED_SUFFIX
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(restored_name))
        )
        cursor.execute(
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(restored_name))
        )
    restored_env = {
        **env,
        "DATABASE_URL": env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + restored_name,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
    }
    try:
        started = time.monotonic()
        done = run([RESTORE, backup], restored_env)
        restore_seconds = time.monotonic() - started
        assert done.returncode == 0, done.stderr

        # Nothing restored over what is there, unless forced.
        again = run([RESTORE, backup], restored_env)
        assert again.returncode != 0
        assert "is not empty" in again.stderr

        with (
            connection.cursor() as source,
            psycopg.connect(
                host=db["HOST"] or None,
                port=db["PORT"] or None,
                user=db["USER"],
                password=db["PASSWORD"],
                dbname=restored_name,
            ) as restored_connection,
            restored_connection.cursor() as restored,
        ):
            counts = table_counts(source)
            assert table_counts(restored) == counts
            assert sequence_values(restored) == sequence_values(source)
        # Every model's table is among them, and the seed filled the ones that
        # matter here.
        assert {model._meta.db_table for model in apps.get_models()} <= set(counts)
        for model in (Certification, CourseCertificate, ValidationCertificate):
            assert counts[model._meta.db_table] > 0

        assert hashes(tmp_path / "restored-media") == source_files["media"]
        assert hashes(tmp_path / "restored-private") == source_files["private"]

        done = run([sys.executable, "-c", VERIFY_ALL, *codes], restored_env)
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout.strip().splitlines()[-1])
        assert found == {code: [HTTPStatus.OK, True] for code in codes}
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(restored_name)
                )
            )
    print(  # noqa: T201 - the figures the issue asks for, shown with -s
        f"\nbackup {size / 1024:.0f} KiB in {backup_seconds:.1f} s; restore "
        f"{restore_seconds:.1f} s; {len(counts)} tables, "
        f"{sum(counts.values())} rows, {len(codes)} codes verified"
    )
