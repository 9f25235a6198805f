"""Background work on the database task backend, run by any number of workers.

Production keeps tasks in a table (django-tasks-db) and `manage.py db_worker`
processes run them. Here, with that backend configured:

- the cron commands and the pages only queue work (a row per task, ids only);
  nothing is sent or rendered until a worker runs;
- a worker sends each reminder and e-mail once and renders each PDF of a ZIP
  once, and running it again (or queuing the same work twice, as two cron runs
  that overlap do) sends and renders nothing more;
- a task that fails is recorded as failed and the others still run;
- on PostgreSQL, three `manage.py db_worker` processes share one queue of 60
  probe tasks and 20 reminders queued twice, and run each task exactly once and
  mail each reminder once (`pytest.mark.multiprocess`).
"""

import io
import signal
import socketserver
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from datetime import date, timedelta
from http import HTTPStatus
from io import StringIO
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from courses.documents import pdf
from courses.models import (
    ArchiveStatus,
    CertificateArchive,
    CourseCertificate,
    ExpiryReminder,
    SessionReminder,
)
from courses.services import archives
from courses.tasks import send_session_reminder
from lms.notifications.kinds import Kind
from lms.notifications.services import notify
from lms.notifications.tasks import notification_email

from ..accounts.factories import UserFactory
from ..courses import certification_factories as cf
from ..courses import factories
from ..notifications.samples import CONTEXTS
from ..task_worker import DATABASE_TASKS, work
from . import worker_probe

# The worker opens its own transactions, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_tasks(settings):
    """Production's task backend: tasks wait in the table for a worker."""
    settings.TASKS = DATABASE_TASKS


def tasks(status=None):
    """Our tasks in the table. (Wagtail queues its own on the same backend:
    reference-index updates after saves, frontend cache purges, focal points
    and file deletions; the same workers run them.)"""
    rows = DBTaskResult.objects.exclude(task_path__startswith="wagtail.")
    return rows if status is None else rows.filter(status=status)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def cron(command: str, *args) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def pdf_renders(monkeypatch):
    """Counts the certificate PDFs rendered (in this process's workers)."""
    counter = Counter()
    render = pdf.render_certificate_pdf

    def counting(*, document):
        counter[document.code] += 1
        return render(document=document)

    monkeypatch.setattr(pdf, "render_certificate_pdf", counting)
    return counter


def certificates(run, count: int) -> list[CourseCertificate]:
    return [
        CourseCertificate.objects.create(
            run=run,
            user=person,
            holder_name=str(person),
            code=cf.code(),
            issued_on=date(2026, 11, 23),
        )
        for person in UserFactory.create_batch(count)
    ]


# --- Reminders ---------------------------------------------------------------


def test_session_reminders_wait_in_the_queue_and_the_worker_sends_each_once(
    database_tasks,
):
    run = factories.run(starts_in_days=1)
    people = [
        *factories.enrolment(run_=run, participants=3).participants.all(),
        *factories.enrolment(run_=run, participants=2).participants.all(),
    ]
    assert cron("send_session_reminders") == "Queued 5 session reminder(s).\n"
    # Ids only: the worker reads the rows when it runs.
    session = run.sessions.get(position=1)
    assert sorted(
        (row.task_path, row.args_kwargs["kwargs"]["user_id"]) for row in tasks()
    ) == sorted(("courses.tasks.send_session_reminder", p.pk) for p in people)
    assert {row.args_kwargs["kwargs"]["session_id"] for row in tasks()} == {session.pk}
    assert mail.outbox == []
    assert not SessionReminder.objects.exists()

    # A second cron run before any worker (an overlap) queues them again.
    assert cron("send_session_reminders") == "Queued 5 session reminder(s).\n"
    assert tasks(TaskResultStatus.READY).count() == 10

    work()
    assert recipients() == sorted(person.email for person in people)
    assert SessionReminder.objects.count() == 5
    results = Counter(row.return_value for row in tasks(TaskResultStatus.SUCCESSFUL))
    assert results == {True: 5, False: 5}

    work()
    assert cron("send_session_reminders") == "Queued 0 session reminder(s).\n"
    work()
    assert len(mail.outbox) == 5


def test_a_reminder_queued_again_after_it_was_sent_sends_nothing(database_tasks):
    run = factories.run(starts_in_days=1)
    person = factories.enrolment(run_=run).contact
    session = run.sessions.get(position=1)
    send_session_reminder.enqueue(session_id=session.pk, user_id=person.pk)
    work()
    send_session_reminder.enqueue(session_id=session.pk, user_id=person.pk)
    work()
    assert recipients() == [person.email]
    assert [row.return_value for row in tasks().order_by("enqueued_at")] == [
        True,
        False,
    ]


def test_expiry_reminders_are_queued_per_certification_and_sent_once(
    database_tasks,
):
    today = timezone.localdate()
    enrolment = factories.enrolment(run_=factories.run(), participants=2)
    certification = cf.certification(
        enrolment=enrolment,
        issued_on=today - timedelta(days=275),
        valid_until=today + timedelta(days=90),
    )
    expected = "Queued reminders about 1 certification(s).\n"
    assert cron("send_certification_reminders") == expected
    assert cron("send_certification_reminders") == expected  # overlapping runs
    assert [row.args_kwargs["kwargs"] for row in tasks()] == [
        {"certification_id": certification.pk}
    ] * 2
    assert mail.outbox == []

    work()  # the reminder task queues the contact's mail; the same batch sends it
    assert recipients() == [enrolment.contact.email]
    assert ExpiryReminder.objects.filter(days_before=90).count() == 1
    assert cron("send_certification_reminders") == (
        "Queued reminders about 0 certification(s).\n"
    )
    work()
    assert len(mail.outbox) == 1


def test_a_notification_mail_queued_twice_is_sent_once(database_tasks):
    person = UserFactory(language="en")
    with transaction.atomic():
        notification = notify(
            recipient=person,
            kind=Kind.PLAN_APPROVED,
            context=CONTEXTS[Kind.PLAN_APPROVED],
            url="/kurs/",
        )
    notification_email.enqueue(notification_id=notification.pk)  # a retry
    assert tasks(TaskResultStatus.READY).count() == 2
    assert mail.outbox == []
    work()
    assert recipients() == [person.email]
    work()
    assert len(mail.outbox) == 1


# --- PDF batches: the ZIP of a run's course certificates -----------------------


def test_the_page_queues_the_zip_and_the_worker_renders_each_pdf_once(
    client, database_tasks, pdf_renders
):
    run = factories.run()
    issued = certificates(run, 4)
    client.force_login(run.leaders.get())
    page = reverse("courses:course_certificates", args=[run.pk])
    zip_url = reverse("courses:course_certificates_zip", args=[run.pk])

    response = client.post(page, {"action": "zip", "lang": "nb"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{page}#zip"
    client.post(page, {"action": "zip", "lang": "nb"})  # a second tap
    archive = CertificateArchive.objects.get()
    assert (archive.status, archive.done, archive.total) == (ArchiveStatus.QUEUED, 0, 4)
    assert [row.args_kwargs["kwargs"] for row in tasks()] == [
        {"archive_id": archive.pk}
    ]
    assert pdf_renders == {}
    text = client.get(page).content.decode()
    assert '<progress max="4" value="0"' in text
    assert 'id="prepare-zip-nb"' not in text
    assert 'id="prepare-zip-en"' in text
    assert client.get(zip_url)["Location"] == f"{page}#zip"

    work()
    archive.refresh_from_db()
    assert (archive.status, archive.done, archive.total) == (ArchiveStatus.READY, 4, 4)
    assert pdf_renders == {c.formatted_code: 1 for c in issued}
    work()
    client.post(page, {"action": "zip", "lang": "nb"})  # ready: nothing queued
    work()
    assert tasks().count() == 1
    assert pdf_renders == {c.formatted_code: 1 for c in issued}

    assert 'id="download-zip"' in client.get(page).content.decode()
    response = client.get(zip_url)
    assert response.status_code == HTTPStatus.OK
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as zipped:
        assert len(zipped.namelist()) == 4
        names = " ".join(zipped.namelist())
    assert all(c.code in names.replace("-", "") for c in issued)


def test_a_failing_task_is_recorded_and_does_not_stop_the_others(
    database_tasks, monkeypatch, tmp_path
):
    run = factories.run(starts_in_days=1)
    people = list(factories.enrolment(run_=run, participants=2).participants.all())
    certificates(run, 2)

    def broken(*, document):
        raise RuntimeError("the PDF library failed")

    monkeypatch.setattr(pdf, "render_certificate_pdf", broken)
    archive = archives.certificate_archive_request(run=run, language="en")
    worker_probe.always_fails.enqueue(number=1)
    cron("send_session_reminders")
    trace = tmp_path / "runs.txt"
    for number in range(3):
        worker_probe.record_run.enqueue(path=str(trace), number=number)

    work()
    failed = tasks(TaskResultStatus.FAILED)
    assert sorted(row.task_path for row in failed) == [
        "courses.tasks.build_certificate_archive",
        "tests.scale.worker_probe.always_fails",
    ]
    assert {row.exception_class_path for row in failed} == {"builtins.RuntimeError"}
    assert all("Traceback" in row.traceback for row in failed)
    assert tasks(TaskResultStatus.SUCCESSFUL).count() == 5
    assert recipients() == sorted(person.email for person in people)
    assert sorted(int(line.split()[0]) for line in trace.read_text().splitlines()) == [
        0,
        1,
        2,
    ]
    archive.refresh_from_db()
    assert archive.status == ArchiveStatus.FAILED
    assert not archive.file

    # Mended, the leader asks again: the same archive is queued and built.
    monkeypatch.undo()
    assert archives.certificate_archive_request(run=run, language="en") == archive
    work()
    archive.refresh_from_db()
    assert (archive.status, archive.done) == (ArchiveStatus.READY, 2)


# --- Several worker processes on PostgreSQL ------------------------------------

PROBE_TASKS = 60
REMINDED_PEOPLE = 20
WORKER_PROCESSES = 3


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP on loopback for Django's SMTP backend: every message's
    recipients are kept, nothing is delivered."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SmtpSession)
        self.lock = threading.Lock()
        self.messages: list[list[str]] = []


class SmtpSession(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink")
        recipients = []
        for raw in self.rfile:
            command = raw.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb == "QUIT":
                self.reply("221 bye")
                return
            if verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
            if verb == "DATA":
                self.reply("354 go on")
                for line in self.rfile:
                    if line in (b".\r\n", b".\n"):
                        break
                with self.server.lock:
                    self.server.messages.append(recipients)
                recipients = []
            if verb == "RSET":
                recipients = []
            self.reply("250 ok")


@pytest.fixture
def smtp_sink():
    server = SmtpSink()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _worker(env: dict, worker_id: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable, "manage.py", "db_worker",
            "--worker-id", worker_id,
            "--interval", "0.1",
            "--no-reload",
            "--verbosity", "1",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )  # fmt: skip


def _wait_for(predicate, seconds: float, what: str, logs=()) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    tails = "\n".join(log.read_text(errors="replace")[-2000:] for log in logs)
    pytest.fail(f"{what} did not happen within {seconds} s\n{tails}")


@pytest.mark.multiprocess
def test_three_worker_processes_run_each_task_exactly_once(
    production_env, settings, smtp_sink, tmp_path
):
    """Each worker claims a row with SELECT … FOR UPDATE SKIP LOCKED and marks it
    running in the same transaction, so no two take the same task; reminders
    queued twice (two cron runs) are mailed once however the copies are shared
    out among the workers."""
    settings.TASKS = DATABASE_TASKS
    run = factories.run(starts_in_days=1)
    people = [
        person
        for _ in range(2)
        for person in factories.enrolment(
            run_=run, participants=REMINDED_PEOPLE // 2
        ).participants.all()
    ]
    env = {
        **production_env,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_sink.server_address[1]),
    }
    logs = [tmp_path / f"worker-{n}.log" for n in range(WORKER_PROCESSES)]
    workers = [_worker(env, f"probe-worker-{n}", log) for n, log in enumerate(logs)]
    trace = tmp_path / "runs.txt"
    expected = PROBE_TASKS + 2 * REMINDED_PEOPLE
    try:
        _wait_for(
            lambda: all("Starting worker" in log.read_text() for log in logs),
            60,
            "three workers starting",
            logs,
        )
        with transaction.atomic():  # all at once, so the workers race for them
            for number in range(PROBE_TASKS):
                worker_probe.record_run.enqueue(
                    path=str(trace), number=number, pause=0.05
                )
            for _cron_run in range(2):
                cron("send_session_reminders")
        _wait_for(
            lambda: tasks(TaskResultStatus.SUCCESSFUL).count() == expected,
            180,
            "every task finishing",
            logs,
        )
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)  # graceful: ends between tasks
        for worker in workers:
            worker.wait(30)

    runs = [line.split() for line in trace.read_text().splitlines()]
    assert sorted(int(number) for number, _pid in runs) == list(range(PROBE_TASKS))
    assert len({pid for _number, pid in runs}) == WORKER_PROCESSES
    rows = list(tasks())
    assert len(rows) == expected
    assert all(len(row.worker_ids) == 1 for row in rows)
    assert {row.worker_ids[0] for row in rows} == {
        f"probe-worker-{n}" for n in range(WORKER_PROCESSES)
    }
    reminders = [row for row in rows if row.task_path.endswith("session_reminder")]
    assert Counter(row.return_value for row in reminders) == {
        True: REMINDED_PEOPLE,
        False: REMINDED_PEOPLE,
    }
    assert sorted(to for message in smtp_sink.messages for to in message) == sorted(
        person.email for person in people
    )
    assert SessionReminder.objects.count() == REMINDED_PEOPLE
    assert [worker.returncode for worker in workers] == [0] * WORKER_PROCESSES
