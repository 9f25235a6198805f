import json
from datetime import timedelta
from http import HTTPStatus

from django.urls import reverse

import pytest
from axes.models import AccessFailureLog, AccessLog

from lms.accounts import personal_data, services
from lms.accounts.forms import WRONG_PASSWORD_MESSAGE
from lms.accounts.models import Firm, Invitation, Membership, User
from lms.accounts.roles import Role

from ..helpers import assert_shows_message
from .factories import TEST_PASSWORD, FirmFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_with_history(client, firm, contact):
    """A contact who logged in, failed once, and invited someone."""
    client.post(
        "/accounts/login/", {"username": contact.email, "password": "wrong-password"}
    )
    client.post(
        "/accounts/login/", {"username": contact.email, "password": TEST_PASSWORD}
    )
    services.invitation_create(
        firm=firm,
        email="kollega@example.no",
        invited_by=contact,
        base_url="http://testserver/",
    )
    return contact


def test_download_my_data_holds_everything_about_the_person(
    client, firm, person_with_history
):
    person = person_with_history
    services.role_grant(user=person, role=Role.COURSE_LEADER)
    other = UserFactory()
    services.membership_add(firm=FirmFactory(), user=other)

    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    data = json.loads(response.content)

    assert data["profile"]["email"] == person.email
    assert data["profile"]["first_name"] == person.first_name
    assert data["profile"]["last_name"] == person.last_name
    assert set(data["profile"]["roles"]) == {
        Role.PARTICIPANT.value,
        Role.FIRM_CONTACT.value,
        Role.COURSE_LEADER.value,
    }
    assert data["memberships"] == [
        {
            "firm": firm.name,
            "org_number": firm.org_number,
            "firm_contact": True,
            "joined_at": Membership.objects.get(user=person).joined_at.isoformat(),
        }
    ]
    assert [i["email"] for i in data["invitations"]["sent"]] == ["kollega@example.no"]
    assert len(data["login_history"]["logins"]) == 1
    assert len(data["login_history"]["failed_logins"]) == 1
    # Nobody else's data.
    assert other.email not in response.content.decode()


def test_download_my_data_needs_login(client, db):
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_delete_my_account_anonymises_and_keeps_aggregates(
    client, firm, person_with_history
):
    person = person_with_history
    invited = Invitation.objects.get()
    members_before = Membership.objects.filter(firm=firm).count()

    response = client.post(
        reverse("accounts:account_delete"),
        {"password": TEST_PASSWORD, "confirm": "on"},
    )
    assert response.status_code == HTTPStatus.FOUND

    person.refresh_from_db()
    assert person.email == f"deleted-{person.pk}@anonymised.invalid"
    assert person.first_name == person.last_name == ""
    assert not person.is_active
    assert not person.has_usable_password()
    assert person.anonymised_at is not None
    assert not person.groups.exists()
    # The firm and its head count are intact; the person is no longer its contact.
    assert Firm.objects.filter(pk=firm.pk).exists()
    assert Membership.objects.filter(firm=firm).count() == members_before
    assert not Membership.objects.get(user=person).is_contact
    # Login traces are erased; the invitation row stays, attributed to nobody named.
    assert not AccessLog.objects.filter(username__icontains="example.no").exists()
    assert not AccessFailureLog.objects.exists()
    invited.refresh_from_db()
    assert invited.invited_by == person
    # Logged out, and cannot log in again.
    assert "_auth_user_id" not in client.session
    client.post(
        "/accounts/login/", {"username": person.email, "password": TEST_PASSWORD}
    )
    assert "_auth_user_id" not in client.session


def test_delete_with_wrong_password_changes_nothing(client, contact):
    client.force_login(contact)
    email = contact.email
    response = client.post(
        reverse("accounts:account_delete"), {"password": "nope", "confirm": "on"}
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, WRONG_PASSWORD_MESSAGE)
    contact.refresh_from_db()
    assert contact.email == email
    assert contact.is_active


def test_delete_without_confirmation_changes_nothing(client, contact):
    client.force_login(contact)
    response = client.post(
        reverse("accounts:account_delete"), {"password": TEST_PASSWORD}
    )
    assert response.status_code == HTTPStatus.OK
    contact.refresh_from_db()
    assert contact.anonymised_at is None


def test_anonymising_twice_is_refused(contact):
    services.user_anonymise(user=contact)
    with pytest.raises(services.ValidationError):
        services.user_anonymise(user=contact)
    assert User.objects.filter(pk=contact.pk).count() == 1


# --- Complete: every relation to the person is exported, and erased or kept --------


def test_every_relation_to_the_person_is_exported_and_erased_or_kept():
    gaps = personal_data.coverage_gaps()
    assert gaps == {"not_exported": [], "not_erased_or_kept": [], "unknown": []}


def test_a_relation_without_an_exporter_is_caught(monkeypatch):
    # As if someone added Attempt.user today and forgot the exporter.
    exported = {
        relation: key
        for relation, key in personal_data._exported.items()
        if relation != "courses.Attempt.user"
    }
    monkeypatch.setattr(personal_data, "_exported", exported)
    assert personal_data.coverage_gaps()["not_exported"] == ["courses.Attempt.user"]


def _rows_about(user, relation):
    model, field = personal_data.user_relations()[relation]
    return model._default_manager.filter(**{field: user})


@pytest.fixture
def busy_person(firm):
    """A firm contact who applied, attended, answered a quiz, wrote and submitted
    the plan, filed a follow-up, studied a lesson and edited a page."""
    from courses.models import AttendanceStatus, LessonProgress
    from courses.services import attendance as attendance_services
    from courses.services import certification as certification_services

    from ..cms import factories as cms_factories
    from ..courses import factories
    from .course_history import quiz_plan_and_certification

    lesson = cms_factories.lesson()
    run = factories.run(lessons=[lesson])
    enrolment = factories.enrolment(run_=run, firm=firm, participants=1)
    person = enrolment.contact
    enrolment.applied_by = person
    enrolment.save(update_fields=["applied_by"])
    leader = run.leaders.get()
    attendance_services.attendance_record(
        session=run.sessions.get(position=1),
        user=person,
        status=AttendanceStatus.PRESENT,
        by=leader,
    )
    _quiz, certification = quiz_plan_and_certification(
        person=person, enrolment=enrolment
    )
    certification_services.follow_up_file(
        certification=certification,
        by=person,
        narrative="Begge lærlingene fikk fast jobb.",
        today=certification.valid_until - timedelta(days=10),
    )
    LessonProgress.objects.create(user=person, lesson=lesson)
    lesson.save_revision(user=person)
    return person


def test_export_holds_every_row_the_database_has_about_the_person(busy_person):
    from courses.models import Attempt, Attendance, FollowUpReport, PlanEvent

    person = busy_person
    data = personal_data.export(person)
    # Every relation that holds a row about the person leads to a non-empty
    # section: compared with the database, not with a list written by hand.
    holding = [
        relation
        for relation in personal_data.user_relations()
        if _rows_about(person, relation).exists()
    ]
    assert len(holding) >= 12
    for relation in holding:
        assert data[personal_data.section_for(relation)], relation

    attempt = Attempt.objects.get(user=person)
    [exported_attempt] = data["quiz_attempts"]
    assert exported_attempt["quiz"] == "Grunnquiz"
    assert exported_attempt["score"] == str(attempt.score)
    assert exported_attempt["passed"] is attempt.passed is True
    assert exported_attempt["answers"] == [
        {
            "position": 1,
            "question": "Hva er NAV?",
            "chosen": ["Riktig"],
            "correct": ["Riktig"],
            "score": str(attempt.questions.get().answer.score),
            "answered_at": attempt.questions.get().answer.answered_at.isoformat(),
        }
    ]
    assert [row["status"] for row in data["attendance"]["yours"]] == list(
        Attendance.objects.filter(user=person).values_list("status", flat=True)
    )
    [enrolment] = data["enrolments"]
    assert enrolment["applied_by_you"] and enrolment["you_take_part"]
    [plan] = data["plans"]["last_saved_by_you"]
    assert [c["what"] for c in plan["commitments"]] == ["Vi tar imot to lærlinger"]
    assert (
        len(data["plans"]["your_steps"]) == PlanEvent.objects.filter(by=person).count()
    )
    assert [r["narrative"] for r in data["follow_up_reports"]] == list(
        FollowUpReport.objects.filter(filed_by=person).values_list(
            "narrative", flat=True
        )
    )
    assert len(data["editor"]["revisions"]) == 1


def test_erasure_deletes_every_erased_relation_and_keeps_only_declared_ones(
    busy_person,
):
    person = busy_person
    holding = {
        relation
        for relation in personal_data.user_relations()
        if _rows_about(person, relation).exists()
    }
    services.user_anonymise(user=person)
    for relation in personal_data.erased_relations():
        assert not _rows_about(person, relation).exists(), relation
    still_there = {
        relation
        for relation in personal_data.user_relations()
        if _rows_about(person, relation).exists()
    }
    assert still_there <= set(personal_data.kept_relations())
    assert still_there < holding
    # What stays no longer names the person.
    data = personal_data.export(person)
    assert data["profile"]["email"] == f"deleted-{person.pk}@anonymised.invalid"
    assert data["lesson_progress"] == []
