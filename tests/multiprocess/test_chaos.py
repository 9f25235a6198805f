"""Faults survived: gunicorn (three workers, production settings) when the
database goes away, and when a worker is killed in the middle of a submit.

"The database stopped" is simulated by a TCP proxy between gunicorn and
PostgreSQL (`DatabaseProxy` in conftest.py): cutting it closes every connection
the workers hold and refuses new ones, as a stopped or unreachable server would;
restoring it lets them through again. The suite's own PostgreSQL keeps running.
"""

import os
import signal
import threading
import time
from http import HTTPStatus

from django.db import connection, transaction
from django.urls import reverse

import pytest

from courses.models import Answer, Certification, CertificationEventKind
from courses.services import quizzes
from lms.views import RETRY_AFTER_SECONDS

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..courses import factories as course_factories
from ..courses import quiz_factories as qf
from .client import Visitor, send_many
from .test_gunicorn import can_log_in

pytestmark = [pytest.mark.multiprocess, pytest.mark.timeout(600)]

HEALTHZ = "/healthz"
# The 503 page (templates/503.html) and nothing of the error behind it.
UNAVAILABLE_MARK = 'id="service-unavailable"'
LEAKS = ("Traceback", "OperationalError", "InterfaceError", "psycopg", 'File "')
# The app must answer again within this many seconds of the database's return.
RECOVERY_SECONDS = 10
FIRMS = 12


def certify_data(browser) -> dict:
    return {
        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        "override_reason": "Godkjent av kursleder.",
    }


def assert_unavailable(answer, *, page=True):
    assert answer.status == HTTPStatus.SERVICE_UNAVAILABLE, (
        answer.status,
        answer.body[:500],
    )
    for leak in LEAKS:
        assert leak not in answer.body
    if page:
        assert UNAVAILABLE_MARK in answer.body
        assert answer.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_the_database_stopped_answers_503_and_the_app_recovers_by_itself(
    proxied_app_server,
):
    """While a run leader certifies firm after firm, the database goes away:
    every request answers 503 (the friendly page; /healthz says the database is
    down), nothing half-written is left, and once the database is back every
    worker answers again within seconds, with nobody restarting anything."""
    server = proxied_app_server
    run = course_factories.run()
    leader = can_log_in(run.leaders.get())
    enrolments = [course_factories.enrolment(run_=run) for _ in range(FIRMS)]
    browser = Visitor(server)
    browser.log_in(leader.email, TEST_PASSWORD)
    anonymous = Visitor(server, address="198.51.100.20")
    firm_page = reverse("courses:certification_firm", args=[enrolments[0].pk])
    assert browser.get(firm_page).status == HTTPStatus.OK

    # The leader certifies the firms one after another, retrying any that fails.
    answers: dict[int, list[int]] = {e.pk: [] for e in enrolments}
    stop = threading.Event()

    def certify_all():
        pending = [e.pk for e in enrolments]
        while pending and not stop.is_set():
            pk = pending.pop(0)
            path = reverse("courses:certify", args=[pk])
            answer = browser.post(path, certify_data(browser))
            answers[pk].append(answer.status)
            if answer.status == HTTPStatus.SERVICE_UNAVAILABLE:
                assert_unavailable(answer)
                pending.append(pk)
                time.sleep(0.2)

    writer = threading.Thread(target=certify_all)
    writer.start()
    time.sleep(0.5)  # some certified, one or another in flight

    server.proxy.cut()
    cut_at = time.monotonic()
    down = []
    while time.monotonic() - cut_at < 3:
        health = anonymous.get(HEALTHZ)
        assert_unavailable(health, page=False)
        assert health.headers["Content-Type"] == "application/json"
        assert '"database": "error"' in health.body
        down.append(health)
        for visitor, path in (
            (anonymous, reverse("verify:detail", args=["ABCD-EFGH-JKMN"])),
            (browser, firm_page),
        ):
            answer = visitor.get(path)
            assert_unavailable(answer)
            down.append(answer)
    assert server.proxy.refused > 0

    server.proxy.restore()
    restored_at = time.monotonic()
    down_for = restored_at - cut_at
    while anonymous.get(HEALTHZ).status != HTTPStatus.OK:
        assert time.monotonic() - restored_at < RECOVERY_SECONDS
        time.sleep(0.05)
    recovered_in = time.monotonic() - restored_at
    # Every worker, each with its broken connection, answers again.
    after = send_many(server, lambda: browser.get(firm_page))
    assert [a.status for a in after] == [HTTPStatus.OK] * 30

    writer.join(60)
    stop.set()
    assert not writer.is_alive()
    unavailable = sum(status == 503 for s in answers.values() for status in s)
    print(  # noqa: T201 - the figures the issue asks for, shown with -s
        f"\ndatabase down {down_for:.1f} s: "
        f"{len(down)} + {unavailable} requests answered 503 "
        f"({server.proxy.refused} connections refused); recovered in "
        f"{recovered_in:.2f} s"
    )

    # Each firm certified once, each certification with its one event: no
    # certification without its audit event, no event twice.
    for enrolment in enrolments:
        assert answers[enrolment.pk][-1] == HTTPStatus.FOUND, answers[enrolment.pk]
        certification = Certification.objects.get(enrolment=enrolment)
        assert [e.kind for e in certification.events.all()] == [
            CertificationEventKind.CERTIFIED_OVERRIDE
        ]
    assert Certification.objects.filter(enrolment__run=run).count() == FIRMS


def _blocked_on_lock(table: str) -> list[int]:
    """Backends of this database waiting for a row lock in an UPDATE of `table`."""
    with connection.cursor() as cursor:
        # Inside a transaction pg_stat_activity is read once; read it anew.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND query LIKE %s",
            [f'UPDATE "{table}"%'],
        )
        return [row[0] for row in cursor.fetchall()]


def _backend_alive(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone() is not None


def _wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not (value := predicate()):
        assert time.monotonic() < deadline, f"{what} within {seconds} s"
        time.sleep(0.05)
    return value


def test_a_worker_killed_in_the_middle_of_a_submit_leaves_no_half_written_attempt(
    proxied_app_server,
):
    """The submit is held inside its transaction (it has locked the attempt and
    is scoring the answers) by a row lock this test holds on one answer; the
    gunicorn worker serving it is killed (SIGKILL); then the lock is released.
    The database holds none of the submit, and the app serves the retry."""
    server = proxied_app_server
    quiz = qf.quiz(questions=[qf.question() for _ in range(4)])
    person = can_log_in(UserFactory())
    attempt = quizzes.attempt_start(quiz=quiz, user=person)
    for asked in attempt.questions.all():
        quizzes.answer_save(
            attempt=attempt,
            position=asked.position,
            choice_ids=qf.ids(asked, "Riktig"),
            user=person,
        )
    answers = Answer.objects.filter(attempt_question__attempt=attempt).order_by("pk")
    browser = Visitor(server)
    browser.log_in(person.email, TEST_PASSWORD)
    submit = reverse("courses:quiz_submit", args=[attempt.pk])
    data = {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
    outcome = {}

    def post():
        try:
            outcome["answer"] = browser.post(submit, data)
        except OSError as error:  # the worker died under it
            outcome["error"] = error

    with transaction.atomic():
        Answer.objects.select_for_update().get(pk=answers.last().pk)
        request = threading.Thread(target=post)
        request.start()
        (backend,) = _wait_for(
            lambda: _blocked_on_lock(Answer._meta.db_table) or outcome,
            20,
            "the submit blocks",
        )
        assert not outcome, outcome
        worker = _wait_for(server.worker_answering, 5, "the busy worker")
        workers_before = set(server.workers()) - {worker}
        os.kill(worker, signal.SIGKILL)
        request.join(30)
        assert "error" in outcome, outcome
    # The lock is released: the orphaned transaction may run on, then ends.
    _wait_for(lambda: not _backend_alive(backend), 30, "the killed worker's backend")

    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert attempt.score is None
    assert attempt.passed is None
    assert [a.score for a in answers.all()] == [None] * 4

    # A new worker took the killed one's place; every worker serves.
    _wait_for(lambda: worker not in server.workers(), 10, "the worker reaped")
    _wait_for(lambda: len(server.workers()) == server.worker_count, 60, "respawn")
    (newcomer,) = set(server.workers()) - workers_before
    answered: list[int] = []

    def newcomer_answered():
        mark = server.access_log_mark()
        answered.extend(
            a.status
            for a in send_many(
                server, lambda: browser.get(HEALTHZ), 6, every_worker=False
            )
        )
        return f"<{newcomer}>" in server.access_log.read_text()[mark:]

    _wait_for(newcomer_answered, 60, "the new worker answering")
    assert set(answered) == {HTTPStatus.OK}
    # The retry grades it, once.
    retry = browser.post(submit, data)
    assert retry.status == HTTPStatus.FOUND
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.score == 100
    assert [a.score for a in answers.all()] == [1] * 4
    print(  # noqa: T201
        f"\nkilled worker {worker} mid-submit: attempt untouched, retry graded "
        f"{attempt.score}%"
    )
