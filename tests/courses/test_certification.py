"""Certification: the course's rules, certify, revoke, follow up, renew, and the
participants' course certificates (kursbevis)."""

import threading
from datetime import date, timedelta
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from courses.codes import ALPHABET
from courses.models import (
    AttendanceStatus,
    CertificateStatus,
    Certification,
    CertificationEvent,
    CertificationEventKind,
    CourseCertificate,
    EnrolmentStatus,
    FollowUpReport,
    InclusionPlan,
    PlanStatus,
)
from courses.selectors import certification as selectors
from courses.selectors.runs import run_overview
from courses.services import attendance, quizzes
from courses.services import certification as services

from ..accounts.factories import UserFactory
from . import certification_factories as cf
from . import factories
from . import quiz_factories as qf

pytestmark = pytest.mark.django_db

PRESENT = AttendanceStatus.PRESENT


# --- Builders -------------------------------------------------------------------


def make_run(*, sessions=3, sessions_required=None, plan_required=True, quizzes=()):
    course = factories.course(sessions=sessions)
    course.sessions_required = sessions_required
    course.plan_approval_required = plan_required
    course.save()
    course.required_quizzes.set(quizzes)
    return factories.run(course_=course)


def attend(run, person, *positions, status=PRESENT):
    for position in positions:
        attendance.attendance_record(
            session=run.sessions.get(position=position),
            user=person,
            status=status,
            by=run.leaders.get(),
        )


def take_quiz(quiz, person, *, correct=True):
    attempt = quizzes.attempt_start(quiz=quiz, user=person)
    asked = attempt.questions.get(position=1)
    quizzes.answer_save(
        attempt=attempt,
        position=1,
        choice_ids=qf.ids(asked, "Riktig" if correct else "Feil"),
        user=person,
    )
    return quizzes.attempt_submit(attempt=attempt, user=person)


def plan_with_status(enrolment, status):
    return InclusionPlan.objects.create(enrolment=enrolment, status=status)


def ready(run, **kwargs):
    """An accepted firm that meets every rule of `run`'s course."""
    enrolment = factories.enrolment(run_=run, **kwargs)
    attend(run, enrolment.contact, *range(1, run.sessions.count() + 1))
    for quiz in run.course.required_quizzes.all():
        take_quiz(quiz, enrolment.contact)
    if run.course.plan_approval_required:
        plan_with_status(enrolment, PlanStatus.APPROVED)
    return enrolment


def sessions_rule(present, total, required):
    """The text of the sessions rule, as the leader reads it in English."""
    return (
        f"The firm was represented at {present} of {total} sessions "
        f"({required} required)."
    )


def check_of(enrolment):
    with translation.override("en"):
        return selectors.enrolment_certification_check(enrolment=enrolment)


def rules_of(enrolment):
    return [(rule.holds, rule.text) for rule in check_of(enrolment).rules]


def messages_of(excinfo):
    return excinfo.value.messages


def course_certificate(*, run, user, revoked=False):
    return CourseCertificate.objects.create(
        run=run,
        user=user,
        holder_name=str(user),
        code=cf.code(),
        issued_on=timezone.localdate(),
        revoked_at=timezone.now() if revoked else None,
        revoked_reason=cf.REVOKED_REASON if revoked else "",
    )


@pytest.fixture
def leader():
    return factories.leader()


# --- The rules ------------------------------------------------------------------


def test_every_session_must_be_represented_by_default():
    run = make_run(sessions=3, plan_required=False)
    enrolment = factories.enrolment(run_=run, participants=2)
    other = enrolment.participants.exclude(pk=enrolment.contact.pk).get()
    attend(run, enrolment.contact, 1)
    attend(run, other, 2)
    assert rules_of(enrolment) == [
        (
            False,
            sessions_rule(2, 3, 3),
        )
    ]
    assert check_of(enrolment).holds is False
    # One representative is enough; late counts as present.
    attend(run, other, 3, status=AttendanceStatus.LATE)
    assert rules_of(enrolment) == [(True, sessions_rule(3, 3, 3))]
    assert check_of(enrolment).holds is True


@pytest.mark.parametrize("status", [AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT])
def test_excused_or_absent_does_not_represent_the_firm(status):
    run = make_run(sessions=2, plan_required=False)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    attend(run, enrolment.contact, 2, status=status)
    assert rules_of(enrolment) == [(False, sessions_rule(1, 2, 2))]


def test_sessions_required_on_the_course_is_used_when_set():
    run = make_run(sessions=4, sessions_required=2, plan_required=False)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 3)
    assert rules_of(enrolment) == [(False, sessions_rule(1, 4, 2))]
    attend(run, enrolment.contact, 4)
    assert rules_of(enrolment) == [(True, sessions_rule(2, 4, 2))]


def test_each_required_quiz_must_be_passed_by_one_representative():
    first = qf.quiz(questions=[qf.question()], title="Grunnkurs")
    second = qf.quiz(questions=[qf.question()], title="Tiltak")
    run = make_run(sessions=1, plan_required=False, quizzes=[first, second])
    enrolment = factories.enrolment(run_=run, participants=2)
    other = enrolment.participants.exclude(pk=enrolment.contact.pk).get()
    attend(run, enrolment.contact, 1)
    take_quiz(first, enrolment.contact, correct=False)
    take_quiz(second, other)
    assert rules_of(enrolment)[1:] == [
        (False, "Nobody from the firm has passed the quiz “Grunnkurs” yet."),
        (True, "The quiz “Tiltak” was passed by a representative."),
    ]
    assert check_of(enrolment).holds is False
    # Someone else from the firm passing is enough.
    take_quiz(first, other)
    assert rules_of(enrolment)[1] == (
        True,
        "The quiz “Grunnkurs” was passed by a representative.",
    )
    assert check_of(enrolment).holds is True


def test_a_quiz_passed_by_someone_from_another_firm_does_not_count():
    quiz = qf.quiz(questions=[qf.question()], title="Grunnkurs")
    run = make_run(sessions=1, plan_required=False, quizzes=[quiz])
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    take_quiz(quiz, factories.enrolment(run_=run).contact)
    assert rules_of(enrolment)[1] == (
        False,
        "Nobody from the firm has passed the quiz “Grunnkurs” yet.",
    )


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, (False, "The firm has not written an inclusion plan yet.")),
        (
            PlanStatus.DRAFT,
            (False, "The inclusion plan is not approved yet (now: draft)."),
        ),
        (
            PlanStatus.SUBMITTED,
            (False, "The inclusion plan is not approved yet (now: submitted)."),
        ),
        (
            PlanStatus.CHANGES_REQUESTED,
            (False, "The inclusion plan is not approved yet (now: changes requested)."),
        ),
        (PlanStatus.APPROVED, (True, "The inclusion plan is approved.")),
    ],
)
def test_the_plan_must_be_approved(status, expected):
    run = make_run(sessions=1)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    if status:
        plan_with_status(enrolment, status)
    found = rules_of(enrolment)
    assert found[-1] == expected
    assert len(found) == 2
    assert check_of(enrolment).holds is expected[0]


def test_no_plan_rule_when_the_course_does_not_require_approval():
    run = make_run(sessions=1, plan_required=False)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    assert rules_of(enrolment) == [(True, sessions_rule(1, 1, 1))]
    assert check_of(enrolment).holds is True


@pytest.mark.parametrize("status", [EnrolmentStatus.APPLIED, EnrolmentStatus.WITHDRAWN])
def test_no_rule_holds_for_a_firm_not_accepted(status):
    run = make_run(sessions=1, plan_required=False)
    enrolment = factories.enrolment(run_=run, status=status)
    assert rules_of(enrolment) == [
        (False, "The firm's enrolment in this run has not been accepted.")
    ]


def test_run_overview_rows_carry_the_check_and_the_certification():
    run = make_run(sessions=2)
    certified = ready(run)
    waiting = factories.enrolment(run_=run)
    certification = services.certification_create(
        enrolment=certified, by=run.leaders.get()
    )
    with translation.override("en"):
        rows = {row.enrolment.pk: row for row in run_overview(run=run).rows}
    assert rows[certified.pk].certification == certification
    assert rows[certified.pk].check.holds is True
    assert rows[waiting.pk].certification is None
    assert [(r.holds, r.text) for r in rows[waiting.pk].check.rules] == [
        (False, sessions_rule(0, 2, 2)),
        (False, "The firm has not written an inclusion plan yet."),
    ]


def test_overview_page_shows_ready_to_certify_and_the_rules(client):
    run = make_run(sessions=2)
    first = ready(run)
    second = factories.enrolment(run_=run)
    plan_with_status(second, PlanStatus.APPROVED)
    client.cookies["django_language"] = "en"
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:run_overview", args=[run.pk]))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert page.count("Ready to certify") == 1
    assert "Rules met: 1 of 2" in page
    assert sessions_rule(0, 2, 2) in page
    assert sessions_rule(2, 2, 2) in page
    assert page.count("The inclusion plan is approved.") == 2
    for enrolment in (first, second):
        assert reverse("courses:certification_firm", args=[enrolment.pk]) in page

    services.certification_create(enrolment=first, by=run.leaders.get())
    page = client.get(reverse("courses:run_overview", args=[run.pk])).content.decode()
    assert "Ready to certify" not in page
    assert (
        f'Valid<span class="visually-hidden"> – Certification, {first.firm.name}</span>'
        in page
    )


# --- One evaluation: overview, firm page and certify agree ------------------------


def _firm_page_failing(client, enrolment):
    """The rule texts the firm's own page lists under "what is still missing"."""
    client.force_login(enrolment.contact)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("courses:enrolment_detail", args=[enrolment.pk]))
    assert response.status_code == HTTPStatus.OK
    return response, [rule.text for rule in response.context["check"].failing]


def _overview_failing(run, enrolment):
    with translation.override("en"):
        rows = run_overview(run=run).rows
    row = next(row for row in rows if row.enrolment.pk == enrolment.pk)
    return row.check.holds, [rule.text for rule in row.check.failing]


def test_a_required_quiz_not_passed_is_missing_everywhere(client, leader):
    quiz = qf.quiz(questions=[qf.question()], title="Grunnkurs")
    run = make_run(sessions=2, quizzes=[quiz])
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1, 2)
    plan_with_status(enrolment, PlanStatus.APPROVED)
    take_quiz(quiz, enrolment.contact, correct=False)
    missing = "Nobody from the firm has passed the quiz “Grunnkurs” yet."

    assert _overview_failing(run, enrolment) == (False, [missing])
    response, failing = _firm_page_failing(client, enrolment)
    assert failing == [missing]
    page = response.content.decode()
    assert missing in page
    assert "Nothing: everything the course asks for is in place." not in page
    quiz_rule = response.context["check"].failing[0]
    assert (quiz_rule.code, quiz_rule.quiz) == (selectors.RuleCode.QUIZ, quiz)
    with pytest.raises(ValidationError) as excinfo:
        services.certification_create(enrolment=enrolment, by=leader)
    assert messages_of(excinfo) == [str(services.CERTIFY_RULES_NOT_MET_MESSAGE)]
    assert not Certification.objects.filter(enrolment=enrolment).exists()


def test_sessions_required_below_all_is_met_everywhere(client, leader):
    run = make_run(sessions=3, sessions_required=2)
    enrolment = factories.enrolment(run_=run, participants=2)
    attend(run, enrolment.contact, 1, 3)
    plan_with_status(enrolment, PlanStatus.APPROVED)
    # Preparation is progress, not a rule: nothing was studied, and yet…
    assert _overview_failing(run, enrolment) == (True, [])
    response, failing = _firm_page_failing(client, enrolment)
    assert failing == []
    assert response.context["check"].rules[0].code == selectors.RuleCode.SESSIONS
    assert (
        response.context["check"].rules[0].present,
        response.context["check"].rules[0].required,
        response.context["check"].rules[0].total,
    ) == (2, 2, 3)
    page = response.content.decode()
    assert "Nothing: everything the course asks for is in place." in page
    assert "session 2" not in page
    certification = services.certification_create(enrolment=enrolment, by=leader)
    assert certification.override_reason == ""
    assert certification.events.get().kind == CertificationEventKind.CERTIFIED


def test_an_application_only_misses_being_accepted_on_the_firm_page(client):
    run = make_run(sessions=2)
    enrolment = factories.enrolment(run_=run, status=EnrolmentStatus.APPLIED)
    response, failing = _firm_page_failing(client, enrolment)
    assert failing == ["The firm's enrolment in this run has not been accepted."]
    assert response.context["check"].rules[0].code == selectors.RuleCode.ACCEPTED


# --- Certifying -----------------------------------------------------------------


def test_certify_is_refused_when_the_rules_do_not_hold_and_nothing_is_saved(leader):
    run = make_run(sessions=2, plan_required=False)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    with pytest.raises(ValidationError) as excinfo:
        services.certification_create(enrolment=enrolment, by=leader)
    assert messages_of(excinfo) == [str(services.CERTIFY_RULES_NOT_MET_MESSAGE)]
    with pytest.raises(ValidationError):
        services.certification_create(
            enrolment=enrolment, by=leader, override_reason="   "
        )
    assert not Certification.objects.exists()
    assert not CertificationEvent.objects.exists()


def test_certify_with_an_override_reason_records_it():
    run = make_run(sessions=2, plan_required=False)
    enrolment = factories.enrolment(run_=run)
    by = run.leaders.get()
    reason = "Syk på siste samling; tok den igjen med neste kull."
    certification = services.certification_create(
        enrolment=enrolment,
        by=by,
        override_reason=f"  {reason}\n",
        today=date(2026, 5, 4),
    )
    certification.refresh_from_db()
    assert certification.override_reason == reason
    assert certification.issued_by == by
    assert certification.issued_on == date(2026, 5, 4)
    assert certification.valid_until == date(2027, 5, 4)
    event = certification.events.get()
    assert event.kind == CertificationEventKind.CERTIFIED_OVERRIDE
    assert event.reason == reason
    assert event.by == by
    assert event.valid_until == date(2027, 5, 4)


def test_certify_when_the_rules_hold_ignores_an_override_reason():
    run = make_run(sessions=1)
    enrolment = ready(run)
    certification = services.certification_create(
        enrolment=enrolment, by=run.leaders.get(), override_reason="Unødvendig"
    )
    assert certification.override_reason == ""
    event = certification.events.get()
    assert event.kind == CertificationEventKind.CERTIFIED
    assert event.reason == ""
    assert certification.status == CertificateStatus.ACTIVE


@pytest.mark.parametrize("status", [EnrolmentStatus.APPLIED, EnrolmentStatus.WITHDRAWN])
def test_certify_is_refused_for_an_enrolment_not_accepted(status, leader):
    run = make_run(sessions=1, plan_required=False)
    enrolment = factories.enrolment(run_=run, status=status)
    with pytest.raises(ValidationError) as excinfo:
        services.certification_create(
            enrolment=enrolment, by=leader, override_reason="Likevel"
        )
    assert messages_of(excinfo) == [str(services.CERTIFY_NOT_ACCEPTED_MESSAGE)]
    assert not Certification.objects.exists()


def test_certifying_twice_is_refused_and_keeps_one_certification():
    run = make_run(sessions=1)
    enrolment = ready(run)
    first = services.certification_create(enrolment=enrolment, by=run.leaders.get())
    with pytest.raises(ValidationError) as excinfo:
        services.certification_create(
            enrolment=enrolment, by=run.leaders.get(), override_reason="Igjen"
        )
    assert messages_of(excinfo) == [str(services.ALREADY_CERTIFIED_MESSAGE)]
    assert list(Certification.objects.all()) == [first]
    assert CertificationEvent.objects.count() == 1


def test_losing_the_race_on_the_constraint_reports_already_certified(monkeypatch):
    """Another request certifies the firm between the check and the insert."""
    run = make_run(sessions=1)
    enrolment = ready(run)
    real_check = services.enrolment_certification_check
    today = timezone.localdate()

    def other_request_wins(*, enrolment):
        cf.certification(enrolment=enrolment, issued_on=today)
        return real_check(enrolment=enrolment)

    monkeypatch.setattr(services, "enrolment_certification_check", other_request_wins)
    with pytest.raises(ValidationError) as excinfo:
        services.certification_create(enrolment=enrolment, by=run.leaders.get())
    assert messages_of(excinfo) == [str(services.ALREADY_CERTIFIED_MESSAGE)]
    assert Certification.objects.filter(enrolment=enrolment).count() == 1
    assert not CertificationEvent.objects.exists()


def test_the_code_is_twelve_characters_from_the_alphabet():
    run = make_run(sessions=1)
    codes = set()
    for _ in range(5):
        certification = services.certification_create(
            enrolment=ready(run), by=run.leaders.get()
        )
        assert len(certification.code) == 12
        assert set(certification.code) <= set(ALPHABET)
        code = certification.code
        assert certification.formatted_code == f"{code[:4]}-{code[4:8]}-{code[8:]}"
        codes.add(code)
    assert len(codes) == 5


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 6, 10), 12, date(2026, 6, 10)),
        (date(2025, 6, 10), 24, date(2027, 6, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert services.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
    ],
)
def test_valid_until_is_issue_date_plus_the_courses_validity(today, months, expected):
    run = make_run(sessions=1)
    run.course.certificate_validity_months = months
    run.course.save()
    enrolment = ready(run)
    certification = services.certification_create(
        enrolment=enrolment, by=run.leaders.get(), today=today
    )
    certification.refresh_from_db()
    assert certification.issued_on == today
    assert certification.valid_until == expected


def test_concurrent_certify_makes_one_certification(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers: two connections cannot race")
    run = make_run(sessions=1)
    enrolment = ready(run)
    by = run.leaders.get()
    results, errors = [], []
    barrier = threading.Barrier(2)

    def certify():
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=5)
            results.append(services.certification_create(enrolment=enrolment, by=by))
        except Exception as error:
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=certify) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert len(results) == 1
    assert [type(error) for error in errors] == [ValidationError]
    assert errors[0].messages == [str(services.ALREADY_CERTIFIED_MESSAGE)]
    assert list(Certification.objects.filter(enrolment=enrolment)) == results
    assert CertificationEvent.objects.count() == 1


# --- Expiry -----------------------------------------------------------------------


def test_status_follows_the_valid_until_date():
    certification = cf.certification(
        issued_on=date(2026, 1, 10), valid_until=date(2027, 1, 10)
    )
    assert certification.status_on(date(2026, 1, 10)) == CertificateStatus.ACTIVE
    assert certification.status_on(date(2027, 1, 10)) == CertificateStatus.ACTIVE
    assert certification.status_on(date(2027, 1, 11)) == CertificateStatus.EXPIRED


def test_revoked_is_revoked_whatever_the_date():
    certification = cf.revoked()
    today = timezone.localdate()
    assert certification.status_on(today) == CertificateStatus.REVOKED
    assert certification.status_on(today + timedelta(days=1000)) == (
        CertificateStatus.REVOKED
    )
    assert certification.status == CertificateStatus.REVOKED
    with translation.override("en"):
        assert certification.get_status_display() == "Revoked"


def test_status_today_and_its_label():
    active, expired = cf.certification(), cf.expired()
    assert active.status == CertificateStatus.ACTIVE
    assert expired.status == CertificateStatus.EXPIRED
    with translation.override("en"):
        assert active.get_status_display() == "Valid"
        assert expired.get_status_display() == "Expired"


def test_course_certificates_do_not_expire():
    run = factories.run()
    certificate = course_certificate(run=run, user=UserFactory())
    assert certificate.valid_until_date is None
    assert certificate.status_on(date(2100, 1, 1)) == CertificateStatus.ACTIVE


# --- Revoking ---------------------------------------------------------------------


def test_revoking_records_who_when_why_and_an_event():
    certification = cf.certification()
    leader = certification.enrolment.run.leaders.get()
    before = timezone.now()
    services.certificate_revoke(
        certificate=certification, by=leader, reason="  Brudd på vilkårene.  "
    )
    certification.refresh_from_db()
    assert certification.status == CertificateStatus.REVOKED
    assert certification.revoked_at >= before
    assert certification.revoked_by == leader
    assert certification.revoked_reason == "Brudd på vilkårene."
    event = certification.events.get()
    assert event.kind == CertificationEventKind.REVOKED
    assert event.reason == "Brudd på vilkårene."
    assert event.by == leader
    assert event.valid_until == certification.valid_until


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_revoking_needs_a_reason(reason):
    certification = cf.certification()
    with pytest.raises(ValidationError) as excinfo:
        services.certificate_revoke(
            certificate=certification,
            by=certification.enrolment.run.leaders.get(),
            reason=reason,
        )
    assert messages_of(excinfo) == [str(services.REVOKE_REASON_REQUIRED_MESSAGE)]
    certification.refresh_from_db()
    assert certification.revoked_at is None
    assert not CertificationEvent.objects.exists()


def test_revoking_twice_is_refused_and_keeps_the_first_reason():
    certification = cf.certification()
    leader = certification.enrolment.run.leaders.get()
    services.certificate_revoke(certificate=certification, by=leader, reason="Først")
    revoked_at = Certification.objects.get().revoked_at
    with pytest.raises(ValidationError) as excinfo:
        services.certificate_revoke(
            certificate=certification, by=leader, reason="Igjen"
        )
    assert messages_of(excinfo) == [str(services.ALREADY_REVOKED_MESSAGE)]
    certification.refresh_from_db()
    assert certification.revoked_reason == "Først"
    assert certification.revoked_at == revoked_at
    assert certification.events.count() == 1


def test_an_expired_certification_cannot_be_revoked():
    certification = cf.expired()
    with pytest.raises(ValidationError) as excinfo:
        services.certificate_revoke(
            certificate=certification,
            by=certification.enrolment.run.leaders.get(),
            reason="For sent",
        )
    assert messages_of(excinfo) == [str(services.REVOKE_EXPIRED_MESSAGE)]
    certification.refresh_from_db()
    assert certification.revoked_at is None
    assert certification.revoked_reason == ""
    assert certification.status == CertificateStatus.EXPIRED
    assert not CertificationEvent.objects.exists()


def test_a_course_certificate_can_be_revoked_once():
    run = factories.run()
    leader = run.leaders.get()
    certificate = course_certificate(run=run, user=UserFactory())
    services.certificate_revoke(certificate=certificate, by=leader, reason="Feil")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_by == leader
    assert certificate.revoked_reason == "Feil"
    with pytest.raises(ValidationError) as excinfo:
        services.certificate_revoke(certificate=certificate, by=leader, reason="To")
    assert messages_of(excinfo) == [str(services.ALREADY_REVOKED_MESSAGE)]
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Feil"
    assert not CertificationEvent.objects.exists()


# --- Follow-up and renewal ------------------------------------------------------

ISSUED = date(2026, 3, 31)
VALID_UNTIL = date(2027, 3, 31)
OPENS = date(2026, 12, 31)  # VALID_UNTIL - 90 days


@pytest.fixture
def certification():
    run = factories.run()
    run.course.certificate_validity_months = 6
    run.course.save()
    return cf.certification(
        enrolment=factories.enrolment(run_=run),
        issued_on=ISSUED,
        valid_until=VALID_UNTIL,
    )


def file_follow_up(certification, today, narrative="Vi ansatte to lærlinger."):
    return services.follow_up_file(
        certification=certification,
        by=certification.enrolment.contact,
        narrative=narrative,
        today=today,
    )


def test_the_window_opens_ninety_days_before_expiry(certification):
    assert OPENS == VALID_UNTIL - timedelta(days=90)
    assert services.renewal_opens_on(certification) == OPENS


def test_follow_up_before_the_window_is_refused_with_the_date(certification):
    with pytest.raises(ValidationError) as excinfo:
        file_follow_up(certification, OPENS - timedelta(days=1))
    assert messages_of(excinfo) == [
        str(services.FOLLOW_UP_TOO_EARLY_MESSAGE % {"date": OPENS.strftime("%m/%d/%Y")})
    ]
    assert not FollowUpReport.objects.exists()
    assert not CertificationEvent.objects.exists()


def test_follow_up_is_filed_once_per_period(certification):
    contact = certification.enrolment.contact
    report = file_follow_up(certification, OPENS, narrative="  Fadderordning.  ")
    assert report.period_ends == VALID_UNTIL
    assert report.narrative == "Fadderordning."
    assert report.filed_by == contact
    event = certification.events.get()
    assert event.kind == CertificationEventKind.FOLLOW_UP_FILED
    assert event.by == contact
    with pytest.raises(ValidationError) as excinfo:
        file_follow_up(certification, OPENS + timedelta(days=10))
    assert messages_of(excinfo) == [str(services.FOLLOW_UP_ALREADY_FILED_MESSAGE)]
    assert FollowUpReport.objects.count() == 1
    assert certification.events.count() == 1


def test_follow_up_needs_a_narrative(certification):
    with pytest.raises(ValidationError) as excinfo:
        file_follow_up(certification, OPENS, narrative="  ")
    assert excinfo.value.message_dict == {
        "narrative": [str(services.FOLLOW_UP_EMPTY_MESSAGE)]
    }
    assert not FollowUpReport.objects.exists()


def test_no_follow_up_for_a_revoked_certification(certification):
    services.certificate_revoke(
        certificate=certification, by=None, reason="Trukket tilbake"
    )
    with pytest.raises(ValidationError) as excinfo:
        file_follow_up(certification, OPENS)
    assert messages_of(excinfo) == [str(services.FOLLOW_UP_REVOKED_MESSAGE)]
    assert not FollowUpReport.objects.exists()


def test_renewal_needs_the_follow_up_of_the_current_period(certification):
    leader = certification.enrolment.run.leaders.get()
    with pytest.raises(ValidationError) as excinfo:
        services.certification_renew(
            certification=certification, by=leader, today=OPENS
        )
    assert messages_of(excinfo) == [str(services.RENEW_NEEDS_FOLLOW_UP_MESSAGE)]
    certification.refresh_from_db()
    assert certification.valid_until == VALID_UNTIL
    assert not CertificationEvent.objects.exists()


def test_renewal_before_the_window_is_refused_with_the_date(certification):
    leader = certification.enrolment.run.leaders.get()
    with pytest.raises(ValidationError) as excinfo:
        services.certification_renew(
            certification=certification, by=leader, today=OPENS - timedelta(days=1)
        )
    assert messages_of(excinfo) == [
        str(services.RENEW_TOO_EARLY_MESSAGE % {"date": OPENS.strftime("%m/%d/%Y")})
    ]
    certification.refresh_from_db()
    assert certification.valid_until == VALID_UNTIL


def test_a_revoked_certification_cannot_be_renewed(certification):
    leader = certification.enrolment.run.leaders.get()
    file_follow_up(certification, OPENS)
    services.certificate_revoke(certificate=certification, by=leader, reason="Brudd")
    events = certification.events.count()
    with pytest.raises(ValidationError) as excinfo:
        services.certification_renew(
            certification=certification, by=leader, today=OPENS
        )
    assert messages_of(excinfo) == [str(services.RENEW_REVOKED_MESSAGE)]
    certification.refresh_from_db()
    assert certification.valid_until == VALID_UNTIL
    assert certification.status == CertificateStatus.REVOKED
    assert certification.events.count() == events == 2


def test_renewal_extends_from_the_old_valid_until_date(certification):
    leader = certification.enrolment.run.leaders.get()
    today = date(2027, 3, 1)
    file_follow_up(certification, today)
    renewed = services.certification_renew(
        certification=certification, by=leader, today=today
    )
    # Six months from 31 March (not from today), clamped to 30 September.
    assert renewed.valid_until == date(2027, 9, 30)
    certification.refresh_from_db()
    assert certification.valid_until == date(2027, 9, 30)
    assert certification.issued_on == ISSUED
    assert certification.code == renewed.code
    event = certification.events.get(kind=CertificationEventKind.RENEWED)
    assert event.by == leader
    assert event.valid_until == date(2027, 9, 30)


def test_a_lapsed_certification_renews_from_today(certification):
    leader = certification.enrolment.run.leaders.get()
    today = date(2027, 4, 10)
    file_follow_up(certification, today)
    renewed = services.certification_renew(
        certification=certification, by=leader, today=today
    )
    assert renewed.valid_until == date(2027, 10, 10)


def test_each_period_needs_its_own_follow_up_and_events_only_grow(certification):
    leader = certification.enrolment.run.leaders.get()
    file_follow_up(certification, date(2027, 3, 1))
    services.certification_renew(
        certification=certification, by=leader, today=date(2027, 3, 1)
    )
    assert certification.events.count() == 2
    # The new period (until 30 September 2027) has no follow-up yet.
    with pytest.raises(ValidationError) as excinfo:
        services.certification_renew(
            certification=certification, by=leader, today=date(2027, 9, 1)
        )
    assert messages_of(excinfo) == [str(services.RENEW_NEEDS_FOLLOW_UP_MESSAGE)]
    file_follow_up(certification, date(2027, 9, 1))
    services.certification_renew(
        certification=certification, by=leader, today=date(2027, 9, 1)
    )
    services.certificate_revoke(certificate=certification, by=leader, reason="Slutt")
    certification.refresh_from_db()
    assert certification.valid_until == date(2028, 3, 30)
    assert list(certification.events.values_list("kind", "valid_until")) == [
        (CertificationEventKind.FOLLOW_UP_FILED, date(2027, 3, 31)),
        (CertificationEventKind.RENEWED, date(2027, 9, 30)),
        (CertificationEventKind.FOLLOW_UP_FILED, date(2027, 9, 30)),
        (CertificationEventKind.RENEWED, date(2028, 3, 30)),
        (CertificationEventKind.REVOKED, date(2028, 3, 30)),
    ]
    assert list(certification.follow_ups.values_list("period_ends", flat=True)) == [
        date(2027, 3, 31),
        date(2027, 9, 30),
    ]


def test_a_certification_with_history_cannot_be_deleted(certification):
    file_follow_up(certification, OPENS)
    with pytest.raises(ProtectedError):
        certification.delete()
    assert Certification.objects.filter(pk=certification.pk).exists()
    assert CertificationEvent.objects.count() == 1


# --- Course certificates (kursbevis) ----------------------------------------------


@pytest.fixture
def attended_run():
    """Three sessions; who attended what is in the names."""
    run = make_run(sessions=3)
    accepted = factories.enrolment(run_=run, participants=4)
    everyone = list(accepted.participants.order_by("pk"))
    people = dict(zip(["all", "late", "two", "excused"], everyone, strict=True))
    attend(run, people["all"], 1, 2, 3)
    attend(run, people["late"], 1, 2, 3, status=AttendanceStatus.LATE)
    attend(run, people["two"], 1, 3)
    attend(run, people["excused"], 1, 2)
    attend(run, people["excused"], 3, status=AttendanceStatus.EXCUSED)
    return run, people


def test_course_certificates_go_to_those_who_attended_every_session(attended_run):
    run, people = attended_run
    leader = run.leaders.get()
    created = services.course_certificates_issue(
        run=run, by=leader, today=date(2026, 11, 23)
    )
    assert {c.user for c in created} == {people["all"], people["late"]}
    for certificate in CourseCertificate.objects.all():
        assert certificate.run == run
        assert certificate.holder_name == str(certificate.user)
        assert certificate.issued_on == date(2026, 11, 23)
        assert certificate.issued_by == leader
        assert len(certificate.code) == 12
        assert set(certificate.code) <= set(ALPHABET)
    assert CourseCertificate.objects.count() == 2


def test_course_certificates_follow_sessions_required(attended_run):
    run, people = attended_run
    run.course.sessions_required = 2
    run.course.save()
    created = services.course_certificates_issue(run=run, by=run.leaders.get())
    assert {c.user for c in created} == {
        people["all"],
        people["late"],
        people["two"],
        people["excused"],
    }


def test_issuing_again_creates_none_and_keeps_the_old_ones(attended_run):
    run, people = attended_run
    first = services.course_certificates_issue(run=run, by=run.leaders.get())
    assert services.course_certificates_issue(run=run, by=run.leaders.get()) == []
    assert set(CourseCertificate.objects.all()) == set(first)
    # Someone who qualifies later gets one; the others keep theirs.
    attend(run, people["two"], 2)
    later = services.course_certificates_issue(run=run, by=run.leaders.get())
    assert [c.user for c in later] == [people["two"]]
    assert CourseCertificate.objects.count() == 3


@pytest.mark.parametrize("status", [EnrolmentStatus.APPLIED, EnrolmentStatus.WITHDRAWN])
def test_no_course_certificate_for_firms_not_accepted(status):
    from courses.models import Attendance

    run = make_run(sessions=2)
    enrolment = factories.enrolment(run_=run, status=status)
    for session in run.sessions.all():
        Attendance.objects.create(
            session=session, user=enrolment.contact, status=PRESENT
        )
    with pytest.raises(ValidationError) as excinfo:
        services.course_certificates_issue(run=run, by=run.leaders.get())
    assert messages_of(excinfo) == [str(services.NO_ELIGIBLE_PARTICIPANTS_MESSAGE)]
    assert not CourseCertificate.objects.exists()


def test_nobody_qualifies_is_refused_with_the_message():
    run = make_run(sessions=2)
    enrolment = factories.enrolment(run_=run)
    attend(run, enrolment.contact, 1)
    with pytest.raises(ValidationError) as excinfo:
        services.course_certificates_issue(run=run, by=run.leaders.get())
    assert messages_of(excinfo) == [str(services.NO_ELIGIBLE_PARTICIPANTS_MESSAGE)]
    assert not CourseCertificate.objects.exists()


def test_a_person_in_two_firms_of_the_run_needs_every_session_too():
    run = make_run(sessions=3)
    first = factories.enrolment(run_=run)
    second = factories.enrolment(run_=run)
    person = first.contact
    second.participants.add(person)
    attend(run, person, 1, 2)
    with pytest.raises(ValidationError) as excinfo:
        services.course_certificates_issue(run=run, by=run.leaders.get())
    assert messages_of(excinfo) == [str(services.NO_ELIGIBLE_PARTICIPANTS_MESSAGE)]
    attend(run, person, 3)
    created = services.course_certificates_issue(run=run, by=run.leaders.get())
    assert [c.user for c in created] == [person]
