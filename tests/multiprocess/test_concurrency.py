"""Twenty people (or one person's twenty clicks) at the same instant, against
gunicorn's three workers on PostgreSQL: one quiz attempt finished twenty times
is graded once; one firm certified twenty times gets one certificate and one
code; one validation case decided twenty times moves once, with a complete
audit trail.

What was committed is recorded by a trigger these tests put on the tables (and
remove), with the transaction that wrote it: a write the service did twice
would show even when its result looks the same.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http import HTTPStatus

from django.db import connection
from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from courses.models import (
    Answer,
    Attempt,
    Certification,
    CertificationEvent,
    CertificationEventKind,
)
from courses.services import quizzes
from lms.accounts.roles import Role
from lms.accounts.two_factor import services as two_factor
from validation.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    ValidationCertificate,
)
from validation.services.cases import CaseAction

from ..accounts.factories import TEST_PASSWORD, UserFactory
from ..courses import factories as course_factories
from ..courses import quiz_factories as qf
from ..validation import factories as validation_factories
from .client import Visitor
from .test_gunicorn import can_log_in

pytestmark = [pytest.mark.multiprocess, pytest.mark.timeout(600)]

CONCURRENT = 20
QUESTIONS = 4
INSERT, UPDATE = "INSERT", "UPDATE"


def at_once(call, count: int = CONCURRENT) -> list:
    """`call()` from `count` threads released together, each on its own
    connection (so the three workers take them as fast as they can)."""
    barrier = threading.Barrier(count)

    def one(_):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


@contextmanager
def committed_writes(*models):
    """Yields a function that returns the committed INSERTs and UPDATEs of rows
    of `models` since the block began, as {(model, operation): count}, and the
    number of transactions that wrote them."""
    tables = {model._meta.db_table: model for model in models}
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE test_committed_writes (tbl text, op text, xact bigint)"
        )
        cursor.execute(
            "CREATE FUNCTION test_committed_writes_log() RETURNS trigger AS $$ "
            "BEGIN INSERT INTO test_committed_writes VALUES "
            "(TG_TABLE_NAME, TG_OP, txid_current()); RETURN NULL; END $$ "
            "LANGUAGE plpgsql"
        )
        for table in tables:
            cursor.execute(
                "CREATE TRIGGER test_committed_writes AFTER INSERT OR UPDATE "
                f'ON "{table}" FOR EACH ROW '
                "EXECUTE FUNCTION test_committed_writes_log()"
            )

    def counts() -> tuple[Counter, int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT tbl, op, xact FROM test_committed_writes")
            rows = cursor.fetchall()
        writes = Counter((tables[tbl], op) for tbl, op, _xact in rows)
        return writes, len({xact for _tbl, _op, xact in rows})

    try:
        yield counts
    finally:
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'DROP TRIGGER test_committed_writes ON "{table}"')
            cursor.execute("DROP FUNCTION test_committed_writes_log()")
            cursor.execute("DROP TABLE test_committed_writes")


def logged_in(server, user, *, with_code: bool = False) -> Visitor:
    """A browser of `user` that keeps sending the same cookies (safe to share
    between threads). `with_code`: the person has two-step sign-in (required
    of assessors and verifiers in production) and gives a backup code."""
    browser = Visitor(server)
    if with_code:
        TOTPDevice.objects.create(
            user=user,
            name=two_factor.TOTP_DEVICE_NAME,
            key=two_factor.two_factor_secret_new(),
        )
        codes = two_factor.two_factor_backup_codes_regenerate(user=user)
    browser.log_in(can_log_in(user).email, TEST_PASSWORD)
    if with_code:
        answer = browser.post(
            reverse("accounts:two_factor_login"),
            {
                "csrfmiddlewaretoken": browser.cookies["csrftoken"],
                "backup_code": codes[0],
            },
        )
        assert answer.status == HTTPStatus.FOUND, answer.body[:2000]
    return browser.replaying()


def verify(server, code: str):
    """The public verification page of `code` (after the redirect to the code
    as printed, if it was typed otherwise)."""
    visitor = Visitor(server)
    answer = visitor.get(reverse("verify:detail", args=[code]))
    if answer.status == HTTPStatus.FOUND:
        answer = visitor.get(answer.location)
    return answer


def test_twenty_concurrent_finishes_of_one_attempt_grade_it_once(app_server):
    quiz = qf.quiz(questions=[qf.question() for _ in range(QUESTIONS)])
    person = UserFactory()
    attempt = quizzes.attempt_start(quiz=quiz, user=person)
    for asked in attempt.questions.all():
        quizzes.answer_save(
            attempt=attempt,
            position=asked.position,
            choice_ids=qf.ids(asked, "Riktig" if asked.position > 1 else "Feil"),
            user=person,
        )
    browser = logged_in(app_server, person)
    submit = reverse("courses:quiz_submit", args=[attempt.pk])
    data = {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}

    with committed_writes(Attempt, Answer) as writes:
        answers = at_once(lambda: browser.post(submit, data))
        result = reverse("courses:quiz_result", args=[attempt.pk])
        assert [(a.status, a.location) for a in answers] == [
            (HTTPStatus.FOUND, result)
        ] * CONCURRENT
        assert writes() == ({(Attempt, UPDATE): 1, (Answer, UPDATE): QUESTIONS}, 1)

    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    assert attempt.score == 75
    assert Attempt.objects.filter(quiz=quiz, user=person).count() == 1
    scores = Answer.objects.filter(attempt_question__attempt=attempt)
    assert sorted(scores.values_list("score", flat=True)) == [0, 1, 1, 1]


def test_twenty_concurrent_certifications_of_one_firm_make_one_certificate(
    app_server,
):
    run = course_factories.run()
    enrolment = course_factories.enrolment(run_=run)
    browser = logged_in(app_server, run.leaders.get())
    certify = reverse("courses:certify", args=[enrolment.pk])
    data = {
        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        "override_reason": "Godkjent av kursleder.",
    }

    with committed_writes(Certification, CertificationEvent) as writes:
        answers = at_once(lambda: browser.post(certify, data))
        assert Counter(a.status for a in answers) == {
            HTTPStatus.FOUND: 1,
            HTTPStatus.BAD_REQUEST: CONCURRENT - 1,
        }
        assert writes() == (
            {(Certification, INSERT): 1, (CertificationEvent, INSERT): 1},
            1,
        )

    certification = Certification.objects.get(enrolment=enrolment)
    assert [e.kind for e in certification.events.all()] == [
        CertificationEventKind.CERTIFIED_OVERRIDE
    ]
    verified = verify(app_server, certification.code)
    assert verified.status == HTTPStatus.OK
    assert enrolment.firm.name in verified.body


def test_twenty_concurrent_decisions_on_one_case_move_it_once(app_server):
    """The assessor's confirmation twenty times, then twenty certifications by
    an internal verifier: each moves the case once, and the audit trail is the
    complete chain of steps, each from where the last one left it."""
    # Internal verification may sample the case: someone must be there to do it.
    verifier = validation_factories.person(Role.INTERNAL_VERIFIER)
    case = validation_factories.submitted_case()
    validation_factories.decide_all(case)
    case.refresh_from_db()
    assessor = logged_in(app_server, case.assessor, with_code=True)
    assess = reverse("validation:assess", args=[case.pk])
    data = {
        "csrfmiddlewaretoken": assessor.cookies["csrftoken"],
        "action": CaseAction.ASSESS,
        "version": case.version,
        "reason": "",
    }
    version = case.version

    with committed_writes(Case, CaseEvent) as writes:
        answers = at_once(lambda: assessor.post(assess, data))
        statuses = Counter(a.status for a in answers)
        assert statuses[HTTPStatus.FOUND] == 1, statuses
        # The others were refused: the case had moved (the form's error) or was
        # no longer waiting for an assessment when the request came (403).
        assert set(statuses) <= {HTTPStatus.FOUND, HTTPStatus.OK, HTTPStatus.FORBIDDEN}
        # One transaction: the step, the sampling decision it records on the
        # case (internal verification), the event.
        written, transactions = writes()
        assert transactions == 1
        assert written[CaseEvent, INSERT] == 1
        assert set(written) == {(Case, UPDATE), (CaseEvent, INSERT)}

    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSED
    assert case.version == version + 1
    if case.iv_selected:
        validation_factories.step(case, CaseAction.VERIFY, case.verifier)
        case.refresh_from_db()
    browser = logged_in(app_server, verifier, with_code=True)
    step = reverse("validation:case_transition", args=[case.pk])
    data = {
        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        "action": CaseAction.CERTIFY,
        "version": case.version,
        "reason": "",
    }

    with committed_writes(Case, CaseEvent, ValidationCertificate) as writes:
        answers = at_once(lambda: browser.post(step, data))
        statuses = Counter(a.status for a in answers)
        assert statuses[HTTPStatus.FOUND] == 1, statuses
        assert set(statuses) <= {
            HTTPStatus.FOUND,
            HTTPStatus.CONFLICT,
            HTTPStatus.BAD_REQUEST,
        }
        assert writes() == (
            {
                (Case, UPDATE): 1,
                (CaseEvent, INSERT): 1,
                (ValidationCertificate, INSERT): 1,
            },
            1,
        )

    case.refresh_from_db()
    assert case.status == CaseStatus.CERTIFIED
    events = list(case.events.order_by("at", "pk"))
    kinds = [e.kind for e in events]
    assert kinds[0] == CaseEventKind.CREATED
    assert kinds.count(CaseEventKind.ASSESSED) == 1
    assert kinds.count(CaseEventKind.CERTIFIED) == 1
    assert kinds[-1] == CaseEventKind.CERTIFIED
    for before, after in zip(events, events[1:], strict=False):
        assert after.from_status == before.to_status, (before.kind, after.kind)
    assert events[-1].to_status == case.status
    certificate = ValidationCertificate.objects.get(case=case)
    assert events[-1].data["certificate"] == certificate.code
    verified = verify(app_server, certificate.code)
    assert verified.status == HTTPStatus.OK
