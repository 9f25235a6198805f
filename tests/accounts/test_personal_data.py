import json
from http import HTTPStatus

from django.urls import reverse

import pytest
from axes.models import AccessFailureLog, AccessLog

from lms.accounts import services
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
