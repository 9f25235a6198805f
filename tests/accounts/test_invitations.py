from datetime import timedelta
from http import HTTPStatus

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from lms.accounts import services
from lms.accounts.forms import PASSWORD_MISMATCH_MESSAGE
from lms.accounts.models import Firm, Invitation, Membership, User
from lms.accounts.roles import Role
from lms.accounts.validators import CONTROL_CHARACTERS_MESSAGE

from ..helpers import assert_shows_message
from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver/"


def invite(firm, contact, email="ny.kollega@example.no"):
    return services.invitation_create(
        firm=firm, email=email, invited_by=contact, base_url=BASE
    )


def accept_url(token):
    return reverse("accounts:invitation_accept", kwargs={"token": token})


def test_contact_sends_invitation_by_email_with_single_use_link(
    client, firm, contact, django_capture_on_commit_callbacks
):
    client.force_login(contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:invitation_create", args=[firm.org_number]),
            {"email": "Ny.Kollega@Example.no"},
        )
    assert response.status_code == HTTPStatus.FOUND
    invitation = Invitation.objects.get()
    assert invitation.email == "ny.kollega@example.no"
    assert invitation.invited_by == contact
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny.kollega@example.no"]
    assert firm.name in message.subject
    assert "http://testserver/accounts/invitation/" in message.body
    # Only the hash is stored; the token in the e-mail is not in the database.
    token = message.body.split("/accounts/invitation/")[1].split("/")[0]
    assert token not in invitation.token_hash


def test_new_person_accepts_invitation_and_becomes_member(client, firm, contact):
    _invitation, token = invite(firm, contact)
    response = client.get(accept_url(token))
    assert response.status_code == HTTPStatus.OK
    assert firm.name in response.content.decode()

    response = client.post(
        accept_url(token),
        {
            "first_name": "Nora",
            "last_name": "Nilsen",
            "language": "nb",
            "password1": "et-godt-passord-42",
            "password2": "et-godt-passord-42",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == firm.get_absolute_url()
    user = User.objects.get(email="ny.kollega@example.no")
    assert user.check_password("et-godt-passord-42")
    membership = Membership.objects.get(user=user, firm=firm)
    assert membership.is_contact is False
    assert user.groups.filter(name=Role.PARTICIPANT.value).exists()
    assert Invitation.objects.get().accepted_by == user
    # Logged in straight away.
    assert client.get(firm.get_absolute_url()).status_code == HTTPStatus.OK


def test_existing_user_logged_in_accepts_invitation(client, firm, contact):
    existing = UserFactory(email="ny.kollega@example.no")
    _invitation, token = invite(firm, contact)
    client.force_login(existing)
    response = client.post(accept_url(token))
    assert response.status_code == HTTPStatus.FOUND
    assert Membership.objects.filter(user=existing, firm=firm).exists()


def test_existing_user_not_logged_in_is_asked_to_log_in(client, firm, contact):
    UserFactory(email="ny.kollega@example.no")
    _invitation, token = invite(firm, contact)
    response = client.get(accept_url(token))
    assert response.status_code == HTTPStatus.OK
    assert f"{reverse('accounts:login')}?next={accept_url(token)}" in (
        response.content.decode()
    )
    assert "password1" not in response.content.decode()


def test_used_invitation_is_refused_with_clear_message(client, firm, contact):
    _invitation, token = invite(firm, contact)
    person = UserFactory(email="ny.kollega@example.no")
    services.invitation_accept(token=token, user=person)

    response = client.get(accept_url(token))
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, services.INVITATION_USED_MESSAGE)
    with pytest.raises(ValidationError) as excinfo:
        services.invitation_accept(token=token, user=person)
    assert excinfo.value.code == "used"


def test_expired_invitation_is_refused_and_nothing_is_created(client, firm, contact):
    invitation, token = invite(firm, contact)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=8),
        expires_at=timezone.now() - timedelta(days=1),
    )
    response = client.post(
        accept_url(token),
        {
            "first_name": "Nora",
            "last_name": "Nilsen",
            "language": "nb",
            "password1": "et-godt-passord-42",
            "password2": "et-godt-passord-42",
        },
    )
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, services.INVITATION_EXPIRED_MESSAGE)
    assert not User.objects.filter(email="ny.kollega@example.no").exists()


def test_invitation_is_refused_for_another_logged_in_user(client, firm, contact):
    _invitation, token = invite(firm, contact)
    someone_else = UserFactory(email="someone.else@example.no")
    client.force_login(someone_else)
    response = client.post(accept_url(token))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert_shows_message(response, services.INVITATION_WRONG_USER_MESSAGE)
    assert not Membership.objects.filter(user=someone_else).exists()
    assert Invitation.objects.get().accepted_at is None


def test_unknown_token_is_404_with_clear_message(client, db):
    response = client.get(accept_url("not-a-real-token"))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_shows_message(response, services.INVITATION_NOT_FOUND_MESSAGE)


def test_new_invitation_withdraws_the_earlier_link(client, firm, contact):
    _first, first_token = invite(firm, contact)
    invite(firm, contact)
    response = client.get(accept_url(first_token))
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, services.INVITATION_REVOKED_MESSAGE)


def test_signup_with_mismatched_passwords_saves_nothing(client, firm, contact):
    _invitation, token = invite(firm, contact)
    response = client.post(
        accept_url(token),
        {
            "first_name": "Nora",
            "last_name": "Nilsen",
            "language": "nb",
            "password1": "et-godt-passord-42",
            "password2": "et-annet-passord-42",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, PASSWORD_MISMATCH_MESSAGE)
    assert not User.objects.filter(email="ny.kollega@example.no").exists()
    assert Invitation.objects.get().accepted_at is None


def test_participant_who_is_not_contact_cannot_invite(client, firm, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:invitation_create", args=[firm.org_number]),
        {"email": "x@example.no"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Invitation.objects.exists()


def test_contact_of_another_firm_cannot_invite_here(client, firm, contact):
    from .factories import FirmFactory

    other_firm = FirmFactory()
    client.force_login(contact)
    response = client.post(
        reverse("accounts:invitation_create", args=[other_firm.org_number]),
        {"email": "x@example.no"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Invitation.objects.exists()


def test_inviting_an_existing_member_is_refused_with_clear_message(
    client, firm, contact, member
):
    client.force_login(contact)
    response = client.post(
        reverse("accounts:invitation_create", args=[firm.org_number]),
        {"email": member.email},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(
        response,
        services.INVITATION_ALREADY_MEMBER_MESSAGE,
        email=member.email,
        firm=firm.name,
    )
    assert not Invitation.objects.exists()


def test_invalid_email_is_refused(client, firm, contact):
    client.force_login(contact)
    response = client.post(
        reverse("accounts:invitation_create", args=[firm.org_number]),
        {"email": "ikke-en-adresse"},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Invitation.objects.exists()


def test_contact_withdraws_a_pending_invitation(client, firm, contact):
    invitation, token = invite(firm, contact)
    client.force_login(contact)
    response = client.post(
        reverse("accounts:invitation_revoke", args=[firm.org_number, invitation.pk])
    )
    assert response.status_code == HTTPStatus.FOUND
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    client.logout()
    assert client.get(accept_url(token)).status_code == HTTPStatus.GONE


def test_login_then_accept_flow_with_password(client, firm, contact):
    UserFactory(email="ny.kollega@example.no")
    _invitation, token = invite(firm, contact)
    response = client.post(
        reverse("accounts:login") + f"?next={accept_url(token)}",
        {
            "username": "ny.kollega@example.no",
            "password": TEST_PASSWORD,
            "next": accept_url(token),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == accept_url(token)


# --- Names with line breaks, and e-mails that cannot be sent ----------------------


@pytest.mark.parametrize(
    "name", ["Bakeri AS\r\nBcc: alle@example.no", "Linje\nto", "Tab\tAS", "Del\u2028AS"]
)
def test_firm_name_with_control_characters_is_refused_with_clear_message(
    client, firm, contact, name
):
    client.force_login(contact)
    client.cookies["django_language"] = "en"
    before = Firm.objects.values().get(pk=firm.pk)
    response = client.post(
        reverse("accounts:firm_edit", args=[firm.org_number]),
        {
            "name": name,
            "municipality": firm.municipality,
            "industry": firm.industry,
            "size_band": firm.size_band,
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, CONTROL_CHARACTERS_MESSAGE)
    assert Firm.objects.values().get(pk=firm.pk) == before
    with pytest.raises(ValidationError) as excinfo:
        services.firm_update(firm=firm, name=name)
    assert excinfo.value.error_dict["name"][0].code == "control_characters"


def test_invitation_subject_is_one_line_even_for_an_old_name_with_a_line_break(
    firm, contact
):
    # A name saved before the validator existed (or by a bulk import).
    Firm.objects.filter(pk=firm.pk).update(name="Bakeri\r\nAS")
    firm.refresh_from_db()
    invitation, _token = invite(firm, contact)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.count("\n") == mail.outbox[0].subject.count("\r") == 0
    assert "Bakeri AS" in mail.outbox[0].subject
    assert Invitation.objects.get() == invitation


def test_an_invitation_whose_email_cannot_be_sent_is_not_saved(
    client, firm, contact, monkeypatch
):
    earlier, _token = invite(firm, contact)
    mail.outbox.clear()

    def broken_send(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    client.force_login(contact)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("accounts:invitation_create", args=[firm.org_number]),
        {"email": "ny.kollega@example.no"},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.INVITATION_NOT_SENT_MESSAGE)
    # Nothing half-done: no new row, and the earlier link still works.
    assert list(Invitation.objects.all()) == [earlier]
    earlier.refresh_from_db()
    assert earlier.is_pending
