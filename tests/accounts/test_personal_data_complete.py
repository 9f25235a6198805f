""" "Download my data" holds everything about the person, and erasure leaves no
personal value anywhere: both checked against the database, not against a list.

One person holds data in every app (course, quizzes, plan, certificates,
validation as candidate and as assessor, verifier, observer and moderator,
placements as trainee and as mentor, follow-up figures, notifications, sessions,
login records, editor work). Then:

- every relation to the user model (`personal_data.user_relations()`) must hold
  a row about the person here (or be named in `NOT_BUILT`, with why), so a new
  model with a user foreign key fails until this test builds a row for it;
- every such row, and every row under the person's own records (quiz answers
  under the attempt, evidence under the case, goals under the placement...),
  must show up in `export(user)`: its free text and its dates, except the fields
  named in `NOT_EXPORTED` with why;
- after `user_anonymise`, every text column of every table in the database is
  scanned for the person's name, e-mail, IP address and browser, and for the
  private texts the erasure promises to delete.
"""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from http import HTTPStatus

from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from lms.accounts import personal_data, services
from lms.accounts.roles import Role

from .course_history import quiz_plan_and_certification
from .factories import TEST_PASSWORD, FirmFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST_NAME = "Sigrunelle"
LAST_NAME = "Quistgaardsen"
EMAIL = "sigrunelle.quistgaardsen@example.no"
USER_AGENT = "H7-Browser/9.9 (Personvern)"
IP_ADDRESS = "203.0.113.77"
# Texts only the person wrote, that erasure promises to delete.
PRIVATE_TEXTS = {
    "reflection": "Refleksjon-Sigrunelle-privat",
    "claim": "Melding-Sigrunelle-til-bedriften",
}

# Relations the fixture does not build a row for, and why that is safe.
NOT_BUILT = {
    "wagtailadmin.EditingSession.user": "Wagtail's own; exported and erased "
    "generically with the other EDITOR_OWN relations (lms/accounts/personal_data.py)",
    "wagtailadmin.FormState.user": "as above (EDITOR_OWN)",
    "wagtailcore.APIToken.user": "as above (EDITOR_OWN)",
    "wagtailcore.UploadedFile.uploaded_by_user": "as above (EDITOR_OWN)",
    "wagtailcore.TaskState.finished_by": "Wagtail's own; exported generically with "
    "the other EDITORIAL_RECORDS",
    "wagtailcore.WorkflowState.requested_by": "as above (EDITORIAL_RECORDS)",
    "wagtailcore.Comment.resolved_by": "as above (EDITORIAL_RECORDS)",
    "wagtailcore.CommentReply.user": "as above (EDITORIAL_RECORDS)",
    "wagtailcore.ModelLogEntry.user": "as above (EDITORIAL_RECORDS)",
    "wagtaildocs.Document.uploaded_by_user": "as above (EDITORIAL_RECORDS)",
    "wagtailimages.Image.uploaded_by_user": "the project's image model is "
    "cms.CustomImage, which is built",
}

# Fields of rows about the person that the export leaves out on purpose.
NOT_EXPORTED = {
    # Secrets and technical keys: never exported.
    "accounts.User.password": "a secret",
    "accounts.UserSession.session_key": "a secret",
    "accounts.UserSession.session_data": "a login marker and a CSRF secret",
    "accounts.Invitation.token_hash": "a secret",
    "accounts.FirmSignup.password_hash": "a secret",
    "accounts.FirmSignup.token_hash": "a secret",
    "placements.Placement.invitation_token_hash": "a secret",
    "validation.Evidence.file": "the storage path; the file's own name is exported",
    "validation.Evidence.content_type": "technical",
    "courses.ReflectionNote.block_id": "technical; the question is exported instead",
    "courses.ChecklistTick.block_id": "technical; the checklist item is exported",
    "courses.AttemptQuestion.snapshot": "exported as the question and the choices",
    "courses.Answer.selected": "exported as the chosen choices' texts",
    "cms.CustomImage.file": "the storage path",
    "cms.CustomImage.file_hash": "technical",
    # Rows about other people, where the person only acted: what and when, not
    # the other person's content (that is theirs).
    "courses.Attendance.*": "taken by the person as course leader; about others",
    "courses.PlanEvent.snapshot": "exported as plan_as_sent",
    "validation.CaseEvent.data": "technical details of a step on someone's case",
    "validation.CaseEvent.from_status": "the step's kind is exported",
    "validation.CaseEvent.to_status": "the step's kind is exported",
    "validation.CriterionDecision.*": "decisions on others' cases: counted",
    "validation.Case.iv_reason": "the sampling reason, about the case",
    "validation.ModerationSample.plan": "the sampling plan, about others' cases",
    "validation.Unit.*": "the unit is the panel's text; its code, version, "
    "approval date and note are exported",
    "courses.Certification.*": "the firm's certificate; its code and dates are "
    "exported",
    "courses.CourseRun.*": "a run the person leads: its title, status and dates",
    "courses.CourseCertificate.code": "exported as printed (with dashes)",
    "courses.CourseCertificate.created_at": "the issue date is exported",
    "notifications.NotificationPreference.created_at": "the setting is exported",
    "placements.Placement.invitation_expires_at": "the invitation link's expiry",
    "placements.Placement.updated_at": "bookkeeping; the facts are exported",
    "otp_totp.TOTPDevice.key": "a secret",
    "accounts.Invitation.expires_at": "the invitation link's expiry",
    "wagtailcore.*": "editorial records: what (str) and when",
    "wagtailusers.*": "editor settings: what (str) and when",
    "cms.*": "editorial records: what (str) and when",
}


# --- The person ---------------------------------------------------------------


def _log_in(client, email, password):
    return client.post(
        "/accounts/login/",
        {"username": email, "password": password},
        HTTP_USER_AGENT=USER_AGENT,
        REMOTE_ADDR=IP_ADDRESS,
    )


@pytest.fixture
def world(client, firm):
    """A person with data in every app; returns (person, things made)."""
    from courses.models import (
        AttendanceStatus,
        ChecklistTick,
        CourseCertificate,
        LessonProgress,
        ReflectionNote,
        SessionReminder,
    )
    from courses.services import attendance as attendance_services
    from courses.services import certification as certification_services
    from lms.accounts.models import FirmClaim
    from lms.notifications.models import Notification, NotificationPreference
    from placements.models import Evaluation, Goal
    from placements.services.evaluations import evaluation_create
    from placements.services.work_plan import work_plan_update
    from results.models import FollowUpFigures
    from validation.models import (
        CaseEvent,
        Evidence,
        EvidenceKind,
        ModerationSample,
        ValidationCertificate,
    )
    from validation.services import portfolio

    from ..cms import factories as cms_factories
    from ..courses import certification_factories as cf
    from ..courses import factories
    from ..placements.factories import placement_new
    from ..validation import factories as vf

    person = UserFactory(first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL)
    for role in (
        Role.COURSE_LEADER,
        Role.CANDIDATE,
        Role.ASSESSOR,
        Role.INTERNAL_VERIFIER,
        Role.EXTERNAL_MODERATOR,
        Role.PROGRAMME_OWNER,
        Role.EDITOR,
    ):
        services.role_grant(user=person, role=role)

    # Login records: one failure, one success (a session), from a known browser.
    _log_in(client, EMAIL, "wrong-password")
    assert _log_in(client, EMAIL, TEST_PASSWORD).status_code == HTTPStatus.FOUND

    # Course: participant and firm contact, applied, attended, studied, ticked,
    # reflected, answered a quiz, planned, filed a follow-up with figures.
    lesson = cms_factories.lesson()
    run = factories.run(lessons=[lesson])
    enrolment = factories.enrolment(run_=run, firm=firm, participants=0)
    services.membership_add(firm=firm, user=person, is_contact=True)
    enrolment.participants.add(person)
    enrolment.applied_by = person
    enrolment.save(update_fields=["applied_by"])
    leader = run.leaders.get()
    attendance_services.attendance_record(
        session=run.sessions.get(position=1),
        user=person,
        status=AttendanceStatus.PRESENT,
        by=leader,
    )
    LessonProgress.objects.create(user=person, lesson=lesson)
    ReflectionNote.objects.create(
        user=person, lesson=lesson, block_id="q1", text=PRIVATE_TEXTS["reflection"]
    )
    ChecklistTick.objects.create(
        user=person, lesson=lesson, block_id="c1", item_index=0
    )
    SessionReminder.objects.create(user=person, session=run.sessions.get(position=1))
    quiz, certification = quiz_plan_and_certification(
        person=person, enrolment=enrolment
    )
    report = certification_services.follow_up_file(
        certification=certification,
        by=person,
        narrative="Begge lærlingene fikk fast jobb.",
        today=certification.valid_until - timedelta(days=10),
    )
    FollowUpFigures.objects.create(report=report, year=2026, updated_by=person)
    kursbevis = CourseCertificate.objects.create(
        run=run,
        user=person,
        holder_name=f"{FIRST_NAME} {LAST_NAME}",
        code=cf.code(),
        issued_on=timezone.localdate(),
        issued_by=leader,
    )

    # Course leader of another run: leads it, takes attendance, grants an
    # attempt, issues and revokes certificates.
    other_run = factories.run(leaders=[person])
    other_enrolment = factories.enrolment(run_=other_run, participants=1)
    other_participant = (
        other_enrolment.participants.exclude(pk=other_enrolment.contact.pk).first()
        or other_enrolment.contact
    )
    attendance_services.attendance_record(
        session=other_run.sessions.get(position=1),
        user=other_participant,
        status=AttendanceStatus.PRESENT,
        by=person,
    )
    from courses.models import AttemptGrant

    AttemptGrant.objects.create(
        quiz=quiz,
        user=other_participant,
        run=other_run,
        extra=1,
        reason="Syk på prøvedagen",
        granted_by=person,
    )
    AttemptGrant.objects.create(
        quiz=quiz, user=person, run=run, extra=2, reason="Ny sjanse", granted_by=leader
    )
    other_certification = cf.certification(enrolment=other_enrolment)
    other_certification.issued_by = person
    other_certification.save(update_fields=["issued_by"])
    certification_services.certificate_revoke(
        certificate=other_certification, by=person, reason="Feil utstedt"
    )
    other_kursbevis = CourseCertificate.objects.create(
        run=other_run,
        user=other_participant,
        holder_name="Annen Deltaker",
        code=cf.code(),
        issued_on=timezone.localdate(),
        issued_by=person,
    )
    certification_services.certificate_revoke(
        certificate=other_kursbevis, by=person, reason="Feil person"
    )

    # Validation: candidate with evidence and a certificate; approves a unit;
    # assesses, verifies and moderates others; observer of a trainee's case.
    unit = vf.unit_approved(by=person)
    own_case = vf.certified_case(candidate=person, unit=unit)
    portfolio.evidence_add(
        case=vf.open_case(candidate=person, unit=vf.unit_approved(code="AM-02")),
        by=person,
        kind=EvidenceKind.REFLECTION,
        title="Min andre refleksjon",
        text="Jeg lærte å lytte.",
        criteria=[],
    )
    assessed = vf.certified_case(unit=unit, assessor=person)
    verified = vf.certified_case(unit=unit, verifier=person)
    ValidationCertificate.objects.filter(case=verified).update(
        revoked_by=person, revoked_at=timezone.now(), revoked_reason="Feil enhet"
    )
    ModerationSample.objects.create(
        moderator=person, report="Utvalget holder mål.", reported_at=timezone.now()
    )

    # Placements: trainee in one firm, mentor (and creator) in another.
    placement_as_trainee = placement_new(trainee=person)
    mentor_firm = FirmFactory()
    placement_as_mentor = placement_new(firm=mentor_firm, mentor=person)
    work_plan_update(
        placement=placement_as_mentor,
        goals=[{"text": "Åpne kafeen"}],
        tasks=[],
        support_agreed="",
        by=person,
    )
    evaluation_create(
        placement=placement_as_mentor,
        held_on=timezone.localdate(),
        went_well="Kom presis hver dag.",
        to_change="Spør oftere.",
        progress={
            goal.pk: ("under_way", "") for goal in placement_as_mentor.goals.all()
        },
        by=person,
    )
    observed = vf.case_new(unit=vf.unit_approved(code="ARB-K1"))
    observed.observer = person
    observed.save(update_fields=["observer"])

    # Requests to join a firm (one the person asked, one they decided).
    FirmClaim.objects.create(
        firm=FirmFactory(), person=person, message=PRIVATE_TEXTS["claim"]
    )
    FirmClaim.objects.create(firm=firm, person=UserFactory(), decided_by=person)

    from lms.accounts.models import Invitation

    Invitation.objects.create(
        firm=FirmFactory(),
        email=EMAIL,
        token_hash="h7-accepted-invitation",
        expires_at=timezone.now() + timedelta(days=7),
        accepted_at=timezone.now(),
        accepted_by=person,
    )
    services.invitation_create(
        firm=firm,
        email="kollega@example.no",
        invited_by=person,
        base_url="http://testserver/",
    )
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=person, name="Mobilen min", confirmed=True)
    StaticDevice.objects.create(user=person, name="Reservekoder", confirmed=True)

    # Notifications and preferences.
    Notification.objects.create(
        recipient=person,
        kind=Notification._meta.get_field("kind").choices[0][0],
        context={"x": 1},
    )
    NotificationPreference.objects.create(
        user=person, kind=Notification._meta.get_field("kind").choices[0][0]
    )

    # Editor work: a revision, a page owned and locked, a comment, a
    # subscription, an image, a profile, a Django admin log entry.
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Comment, PageLogEntry, PageSubscription
    from wagtail.users.models import UserProfile

    from cms.models import CustomImage

    lesson.owner = person
    lesson.locked_by = person
    lesson.locked = True
    lesson.save()
    revision = lesson.save_revision(user=person)
    PageLogEntry.objects.log_action(lesson, "wagtail.edit", user=person)
    Comment.objects.create(
        page=lesson,
        user=person,
        text="Kommentar fra redaktøren",
        contentpath="title",
        revision_created=revision,
    )
    PageSubscription.objects.create(
        page=lesson, user=person, comment_notifications=True
    )
    UserProfile.get_for_user(person)
    CustomImage.objects.create(
        title="Bilde",
        file="original_images/h7.png",
        width=1,
        height=1,
        uploaded_by_user=person,
    )
    LogEntry.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(firm),
        object_id=str(firm.pk),
        object_repr=firm.name,
        action_flag=ADDITION,
    )

    person.refresh_from_db()
    return person, {
        "own_case": own_case,
        "assessed": assessed,
        "kursbevis": kursbevis,
        "placement_as_trainee": placement_as_trainee,
        "placement_as_mentor": placement_as_mentor,
        "models": (CaseEvent, Evidence, Evaluation, Goal),
    }


# --- What the export must show ----------------------------------------------------

# Relations where the person acted on a record about someone else (a firm, a
# colleague, a trainee, a candidate): the export says which record and when,
# not the other person's details, so one identifying value of each row must be
# there rather than all of them.
ABOUT_OTHERS = {
    "accounts.Firm.members": "the firm's own record: its name and number",
    "accounts.Invitation.invited_by": "the colleague invited, when",
    "accounts.FirmClaim.decided_by": "someone else's request, decided when",
    "courses.CourseCertificate.issued_by": "a participant's certificate",
    "courses.CourseCertificate.revoked_by": "a participant's certificate",
    "validation.Case.assessor": "a candidate's case",
    "validation.Case.verifier": "a candidate's case",
    "validation.Case.created_by": "a candidate's case",
    "validation.Case.observer": "a trainee's case",
    "validation.ValidationCertificate.issued_by": "a candidate's certificate",
    "validation.ValidationCertificate.revoked_by": "a candidate's certificate",
    "placements.Placement.mentor": "the trainee's record",
    "placements.Placement.created_by": "the trainee's record",
    "placements.Evaluation.written_by": "the trainee's record",
}

# Under the person's own records, rows that are theirs too (reached by walking
# the foreign keys that point at those records).
OWN_RECORDS = {
    "courses.Attempt.user",
    "courses.FollowUpReport.filed_by",
    "courses.InclusionPlan.updated_by",
    "validation.Case.candidate",
    "placements.Placement.trainee",
}
# Rows under the person's own records that are not about the person, and why.
NOT_OWN_CHILDREN = {
    "courses.CertificationEvent": "the firm's certificate's steps (exported "
    "under certification_decisions for whoever took them)",
}


def _label(field) -> str:
    return f"{field.model._meta.label}.{field.name}"


def _skipped(field) -> bool:
    model = field.model._meta.label
    return any(
        key in NOT_EXPORTED
        for key in (
            _label(field),
            f"{model}.*",
            f"{field.model._meta.app_label}.*",
        )
    )


def _expected_values(row) -> dict[str, str]:
    """The row's free text and dates, as the export writes them."""
    expected = {}
    for field in row._meta.concrete_fields:
        if field.is_relation or field.primary_key or _skipped(field):
            continue
        value = getattr(row, field.name)
        if isinstance(field, models.JSONField) or value in (None, ""):
            continue
        if isinstance(value, datetime | date):
            expected[_label(field)] = value.isoformat()
        elif isinstance(value, Decimal):
            expected[_label(field)] = str(value)
        elif isinstance(value, str):
            expected[_label(field)] = json.dumps(value, ensure_ascii=False)[1:-1]
    return expected


def _rows(person, relation):
    model, field = personal_data.user_relations()[relation]
    return list(model._default_manager.filter(**{field: person}).order_by("pk"))


def _children(row, seen):
    """Rows whose foreign key points at `row`, and theirs in turn."""
    for rel in row._meta.related_objects:
        if not (rel.one_to_many or rel.one_to_one) or rel.many_to_many:
            continue
        child_model = rel.related_model
        if child_model._meta.label in NOT_OWN_CHILDREN:
            continue
        if child_model is apps.get_model(settings.AUTH_USER_MODEL):
            continue
        for child in child_model._default_manager.filter(**{rel.field.name: row}):
            key = (child_model._meta.label, child.pk)
            if key not in seen:
                seen.add(key)
                yield child
                yield from _children(child, seen)


def _missing_from(exported: str, row, where: str) -> list[str]:
    return [
        f"{where}: {label} = {value!r}"
        for label, value in _expected_values(row).items()
        if value not in exported
    ]


def test_every_relation_to_the_person_holds_a_row_here(world):
    person, _ = world
    relations = personal_data.user_relations()
    assert set(NOT_BUILT) <= set(relations), "NOT_BUILT names a relation gone"
    empty = [
        relation
        for relation in relations
        if relation not in NOT_BUILT and not _rows(person, relation)
    ]
    assert empty == [], "build a row for it in `world`, or add it to NOT_BUILT"


def test_export_holds_every_row_and_value_the_database_has_about_the_person(world):
    from axes.models import AccessFailureLog, AccessLog

    person, _ = world
    data = personal_data.export(person)
    exported = json.dumps(data, default=str, ensure_ascii=False)

    missing = []
    rows_checked = 0
    for relation in personal_data.user_relations():
        seen = set()
        for row in _rows(person, relation):
            rows_checked += 1
            assert data[personal_data.section_for(relation)], relation
            if relation in ABOUT_OTHERS:
                values = _expected_values(row).values()
                if not any(value in exported for value in values):
                    missing.append(f"{relation}: row {row.pk} not identifiable")
                continue
            missing += _missing_from(exported, row, relation)
            if relation in OWN_RECORDS:
                for child in _children(row, seen):
                    rows_checked += 1
                    missing += _missing_from(exported, child, f"{relation} →")
    # Rows found by e-mail address rather than by a foreign key.
    for model in (AccessLog, AccessFailureLog):
        for row in model.objects.filter(username__iexact=person.email):
            rows_checked += 1
            for value in (row.attempt_time.isoformat(), row.ip_address, USER_AGENT):
                if value not in exported:
                    missing.append(f"{model._meta.label}: {value}")
    for value in (person.email, person.first_name, person.last_name):
        assert value in exported
    assert missing == [], "\n".join(missing)
    assert rows_checked > 60


# --- Erasure: nothing personal left anywhere ----------------------------------------

# Values that may stay after erasure, and why (see README, "Personal data").
ALLOWED_AFTER_ERASURE: dict[str, str] = {}


def _text_columns():
    """Every column of every table in the database (the scan casts each to text)."""
    with connection.cursor() as cursor:
        for table in connection.introspection.get_table_list(cursor):
            if table.type != "t":
                continue
            columns = connection.introspection.get_table_description(cursor, table.name)
            yield table.name, [column.name for column in columns]


def _scan(needles) -> list[str]:
    """Where, in the whole database, any of `needles` still occurs."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table, columns in _text_columns():
            for column in columns:
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608
                        f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column} ∋ {needle!r}")
    return found


def _personal_values():
    return [
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
        EMAIL.split("@")[0],
        USER_AGENT,
        IP_ADDRESS,
        *PRIVATE_TEXTS.values(),
    ]


def test_the_scan_finds_the_person_before_erasure(world):
    # Proves the scan looks where the values are: each is found somewhere first.
    found = _scan(_personal_values())
    for needle in _personal_values():
        assert any(repr(needle) in hit for hit in found), needle


def test_erasure_leaves_no_personal_value_in_any_table(client, world):
    from validation.documents import NAME_REMOVED

    person, made = world
    kursbevis = made["kursbevis"]
    certificate = made["own_case"].certificate

    response = client.post(
        reverse("accounts:account_delete"),
        {"password": TEST_PASSWORD, "confirm": "on"},
    )
    assert response.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert person.anonymised_at is not None

    found = [
        hit
        for hit in _scan(_personal_values())
        if not any(allowed in hit for allowed in ALLOWED_AFTER_ERASURE)
    ]
    assert found == []

    # The certificates stay verifiable; the name on them is removed.
    for code in (kursbevis.formatted_code, certificate.formatted_code):
        response = client.get(reverse("verify:detail", kwargs={"code": code}))
        assert response.status_code == HTTPStatus.OK, code
        text = response.content.decode()
        assert FIRST_NAME not in text and LAST_NAME not in text
        with translation.override("en"):
            response = client.get(
                reverse("verify:detail", kwargs={"code": code}),
                HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en",
            )
        assert "This certificate is genuine and valid" in response.content.decode()
        assert escape(NAME_REMOVED) in response.content.decode()
