"""A placement's life cycle: created with the trainee's invitation, accepted by
a new or an existing account, resent or cancelled, ended with an outcome, and
the trainee's withdrawal of sharing; every refusal says why and saves nothing."""

import hashlib
import json
import re
from datetime import timedelta
from http import HTTPStatus
from smtplib import SMTPException

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import pytest

from lms.accounts import services as account_services
from lms.accounts.models import User
from placements.forms.placements import NO_HEALTH_HELP
from placements.models import IntroductionItem, Placement, PlacementStatus
from placements.services import placements as services
from results.categories import Arrangement

from ..accounts.factories import FirmFactory, UserFactory
from ..helpers import assert_shows_message
from .factories import BASE_URL, placement_new

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-42"
WITHDRAW_EXPLAINED = _("Your mentor and the firm cannot see your placement any more.")
LINK = re.compile(r"http://testserver/praksis/invitasjon/([\w-]+)/")


def form_data(mentor, **changes):
    today = timezone.localdate()
    data = {
        "invited_name": "Ola",
        "invited_email": "ola@example.no",
        "mentor": mentor.pk,
        "mentor_in_training": "on",
        "arrangement": Arrangement.WORK_TRIAL.value,
        "starts_on": today.isoformat(),
        "planned_end_on": (today + timedelta(weeks=12)).isoformat(),
        "supporting_organisation": "NAV Asker",
        "evaluation_interval_weeks": "4",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def create_kwargs(firm, mentor, **changes):
    today = timezone.localdate()
    values = {
        "firm": firm,
        "mentor": mentor,
        "mentor_in_training": True,
        "invited_name": "Ola",
        "invited_email": "ola@example.no",
        "arrangement": Arrangement.WORK_TRIAL,
        "starts_on": today,
        "planned_end_on": today + timedelta(weeks=12),
        "by": mentor,
        "base_url": BASE_URL,
    }
    values.update(changes)
    return values


def token_from(mail) -> str:
    return LINK.search(mail.body).group(1)


# Creating ------------------------------------------------------------------------


def test_a_member_creates_a_placement_and_the_trainee_gets_a_link(
    client, firm, member, mailoutbox
):
    client.force_login(member)
    response = client.get(reverse("placements:create"))
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, NO_HEALTH_HELP)

    response = client.post(reverse("placements:create"), form_data(member))

    placement = Placement.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == placement.get_absolute_url()
    assert placement.firm == firm
    assert placement.mentor == member
    assert placement.mentor_in_training is True
    assert placement.created_by == member
    assert placement.trainee is None
    assert placement.status == PlacementStatus.INVITED
    assert placement.invited_email == "ola@example.no"
    assert placement.supporting_organisation == "NAV Asker"
    assert [mail.to for mail in mailoutbox] == [["ola@example.no"]]
    token = token_from(mailoutbox[0])
    assert placement.invitation_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in placement.invitation_token_hash
    expected = timezone.now() + timedelta(days=7)
    assert abs(placement.invitation_expires_at - expected) < timedelta(minutes=1)
    assert firm.name in mailoutbox[0].subject


def test_a_person_in_several_firms_chooses_the_firm_first(client, firm, member):
    other = FirmFactory()
    account_services.membership_add(firm=other, user=member)
    client.force_login(member)

    response = client.get(reverse("placements:create"))
    assert response.status_code == HTTPStatus.OK
    assert f"?firm={other.pk}" in response.content.decode()
    assert "form" not in response.context

    response = client.post(
        reverse("placements:create") + f"?firm={other.pk}", form_data(member)
    )
    assert response.status_code == HTTPStatus.FOUND
    assert Placement.objects.get().firm == other


def test_a_firm_the_person_is_not_in_gives_404(client, firm, member):
    client.force_login(member)
    other = FirmFactory()
    response = client.post(
        reverse("placements:create") + f"?firm={other.pk}", form_data(member)
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Placement.objects.exists()


def test_someone_in_no_firm_cannot_create(client, user):
    client.force_login(user)
    assert client.get(reverse("placements:create")).status_code == HTTPStatus.NOT_FOUND


def test_the_creator_must_be_a_member_of_the_firm(firm, member, mailoutbox):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.placement_create(**create_kwargs(firm, member, by=outsider))
    assert not Placement.objects.exists()
    assert mailoutbox == []


def test_the_mentor_must_be_a_member_of_the_firm(firm, member, mailoutbox):
    outsider = UserFactory()
    with pytest.raises(ValidationError) as error:
        services.placement_create(**create_kwargs(firm, outsider, by=member))
    assert error.value.message_dict == {
        "mentor": [str(services.MENTOR_NOT_MEMBER_MESSAGE)]
    }
    assert not Placement.objects.exists()
    assert mailoutbox == []


def test_a_mentor_without_a_validated_unit_must_be_ticked_in_training(
    client, firm, member, mailoutbox
):
    client.force_login(member)
    response = client.post(
        reverse("placements:create"), form_data(member, mentor_in_training=None)
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors == {
        "mentor_in_training": [str(services.MENTOR_IN_TRAINING_MESSAGE)]
    }
    assert_shows_message(response, services.MENTOR_IN_TRAINING_MESSAGE)
    assert not Placement.objects.exists()
    assert mailoutbox == []


def test_a_validated_mentor_needs_no_tick(firm, member, monkeypatch, mailoutbox):
    monkeypatch.setattr(
        "placements.selectors.validation.is_validated_mentor", lambda user: True
    )
    placement, _token = services.placement_create(
        **create_kwargs(firm, member, mentor_in_training=False)
    )
    assert placement.mentor_in_training is False
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"planned_end_on": "2020-01-01", "starts_on": "2020-02-01"},
            "planned_end_on",
            services.PLANNED_END_BEFORE_START_MESSAGE,
        ),
        (
            {"invited_email": "MENTOR"},
            "invited_email",
            services.EMAIL_IS_MENTOR_MESSAGE,
        ),
    ],
)
def test_bad_input_is_refused_with_its_message(
    client, firm, member, mailoutbox, changes, field, message
):
    if changes.get("invited_email") == "MENTOR":
        changes = {"invited_email": member.email.upper()}
    client.force_login(member)
    response = client.post(reverse("placements:create"), form_data(member, **changes))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors == {field: [str(message)]}
    assert not Placement.objects.exists()
    assert mailoutbox == []


def test_an_arrangement_outside_the_placement_ones_is_refused(firm, member):
    with pytest.raises(ValidationError) as error:
        services.placement_create(
            **create_kwargs(firm, member, arrangement=Arrangement.PERMANENT)
        )
    assert error.value.message_dict == {
        "arrangement": [str(services.ARRANGEMENT_MESSAGE)]
    }
    assert not Placement.objects.exists()


def test_nothing_is_saved_when_the_invitation_cannot_be_sent(
    client, firm, member, monkeypatch
):
    def broken_send(*args, **kwargs):
        raise SMTPException("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    client.force_login(member)
    response = client.post(reverse("placements:create"), form_data(member))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, services.INVITATION_NOT_SENT_MESSAGE)
    assert not Placement.objects.exists()
    assert not IntroductionItem.objects.exists()


# Accepting -----------------------------------------------------------------------


def test_a_new_person_makes_an_account_on_the_invitation_page(client, firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    url = reverse("placements:invitation", kwargs={"token": placement.token})

    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert set(response.context["form"].fields) == {
        "first_name",
        "last_name",
        "language",
        "password1",
        "password2",
    }
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.INVITED  # GET changes nothing

    response = client.post(
        url,
        {
            "first_name": "Ola",
            "last_name": "Nordmann",
            "language": "nb",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == placement.get_absolute_url()
    placement.refresh_from_db()
    trainee = User.objects.get(email=placement.invited_email)
    assert placement.trainee == trainee
    assert placement.status == PlacementStatus.ACTIVE
    assert trainee.get_full_name() == "Ola Nordmann"
    assert trainee.check_password(NEW_PASSWORD)
    # Logged in: the placement's page opens.
    assert client.get(placement.get_absolute_url()).status_code == HTTPStatus.OK

    # The link works once.
    client.logout()
    response = client.get(url)
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, services.INVITATION_USED_MESSAGE)


def test_a_bad_account_form_saves_nothing(client, firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    url = reverse("placements:invitation", kwargs={"token": placement.token})
    response = client.post(
        url,
        {
            "first_name": "Ola",
            "last_name": "",
            "language": "nb",
            "password1": NEW_PASSWORD,
            "password2": "something-else-entirely",
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.context["form"].errors) == {"last_name", "password2"}
    assert not User.objects.filter(email=placement.invited_email).exists()
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.INVITED


def test_an_existing_person_logs_in_and_accepts(client, firm, member):
    trainee = UserFactory(email="kari@example.no")
    placement = placement_new(
        firm=firm, mentor=member, accepted=False, invited_email="Kari@Example.no"
    )
    url = reverse("placements:invitation", kwargs={"token": placement.token})

    response = client.get(url)  # not logged in: asked to log in
    assert response.status_code == HTTPStatus.OK
    assert response.context["login_url"] == reverse("accounts:login") + "?next=" + url
    assert "form" not in response.context

    client.force_login(trainee)
    assert client.get(url).status_code == HTTPStatus.OK
    placement.refresh_from_db()
    assert placement.trainee is None

    response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    placement.refresh_from_db()
    assert placement.trainee == trainee
    assert placement.status == PlacementStatus.ACTIVE


def test_an_account_that_exists_cannot_be_made_again(firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    UserFactory(email=placement.invited_email)
    with pytest.raises(ValidationError) as error:
        services.placement_invitation_accept_new_user(
            token=placement.token,
            first_name="A",
            last_name="B",
            password=NEW_PASSWORD,
            language="nb",
        )
    assert error.value.messages == [str(services.INVITATION_ACCOUNT_EXISTS_MESSAGE)]


def test_the_wrong_person_cannot_accept(client, firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    url = reverse("placements:invitation", kwargs={"token": placement.token})
    client.force_login(UserFactory())
    for response in (client.get(url), client.post(url)):
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert_shows_message(response, services.INVITATION_WRONG_USER_MESSAGE)
    placement.refresh_from_db()
    assert placement.trainee is None


def test_the_mentor_can_never_be_the_trainee(client, firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    # Even if the mentor's address were the invited one.
    Placement.objects.filter(pk=placement.pk).update(invited_email=member.email)
    url = reverse("placements:invitation", kwargs={"token": placement.token})
    client.force_login(member)
    response = client.post(url)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert_shows_message(response, services.INVITATION_IS_MENTOR_MESSAGE)
    with pytest.raises(ValidationError) as error:
        services.placement_invitation_accept(token=placement.token, user=member)
    assert error.value.messages == [str(services.INVITATION_IS_MENTOR_MESSAGE)]
    placement.refresh_from_db()
    assert placement.trainee is None


def test_an_expired_link_says_so(client, firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    Placement.objects.filter(pk=placement.pk).update(
        invitation_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(
        reverse("placements:invitation", kwargs={"token": placement.token})
    )
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, services.INVITATION_EXPIRED_MESSAGE)


def test_an_unknown_link_says_so(client, db):
    response = client.get(reverse("placements:invitation", kwargs={"token": "nope"}))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_shows_message(response, services.INVITATION_NOT_FOUND_MESSAGE)


# Resend and cancel -----------------------------------------------------------------


def test_resending_makes_a_new_link_and_the_old_one_stops(
    client, firm, member, mailoutbox
):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    old = placement.token
    client.force_login(member)
    url = reverse("placements:invitation_resend", kwargs={"pk": placement.pk})

    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert len(mailoutbox) == 1

    response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    assert len(mailoutbox) == 2
    new = token_from(mailoutbox[1])
    assert new != old
    response = client.get(reverse("placements:invitation", kwargs={"token": old}))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_shows_message(response, services.INVITATION_NOT_FOUND_MESSAGE)
    client.logout()
    response = client.get(reverse("placements:invitation", kwargs={"token": new}))
    assert response.status_code == HTTPStatus.OK


def test_an_accepted_placement_cannot_be_resent_or_cancelled(client, firm, member):
    placement = placement_new(firm=firm, mentor=member)
    client.force_login(member)
    for name in ("placements:invitation_resend", "placements:cancel"):
        response = client.post(reverse(name, kwargs={"pk": placement.pk}))
        assert response.status_code == HTTPStatus.FORBIDDEN
    with pytest.raises(ValidationError) as error:
        services.placement_cancel(placement=placement, by=member)
    assert error.value.messages == [str(services.NOT_INVITED_MESSAGE)]
    assert Placement.objects.filter(pk=placement.pk).exists()


def test_cancelling_deletes_it_and_the_link_stops(client, firm, member, contact):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    client.force_login(contact)
    url = reverse("placements:cancel", kwargs={"pk": placement.pk})
    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert Placement.objects.filter(pk=placement.pk).exists()

    response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("placements:list")
    assert not Placement.objects.filter(pk=placement.pk).exists()
    client.logout()
    response = client.get(
        reverse("placements:invitation", kwargs={"token": placement.token})
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_shows_message(response, services.INVITATION_NOT_FOUND_MESSAGE)


# The end ---------------------------------------------------------------------------


def end_url(placement):
    return reverse("placements:end", kwargs={"pk": placement.pk})


def test_the_mentor_ends_the_placement_with_an_outcome(client, firm, member):
    placement = placement_new(firm=firm, mentor=member)
    client.force_login(member)
    assert client.get(end_url(placement)).status_code == HTTPStatus.OK
    today = timezone.localdate()

    response = client.post(
        end_url(placement), {"ended_on": today.isoformat(), "outcome": "employed"}
    )
    assert response.status_code == HTTPStatus.FOUND
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ENDED
    assert placement.ended_on == today
    assert placement.outcome == "employed"
    # Ended: nothing more to change.
    assert client.get(end_url(placement)).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            {"ended_on": "FUTURE", "outcome": "employed"},
            {"ended_on": [services.ENDED_IN_FUTURE_MESSAGE]},
        ),
        (
            {"ended_on": "BEFORE", "outcome": "employed"},
            {"ended_on": [services.ENDED_BEFORE_START_MESSAGE]},
        ),
        (
            {"ended_on": "TODAY"},
            {"outcome": [services.OUTCOME_REQUIRED_MESSAGE]},
        ),
        (
            {"outcome": "other"},
            {"ended_on": [services.ENDED_ON_REQUIRED_MESSAGE]},
        ),
    ],
)
def test_a_bad_end_is_refused_and_saves_nothing(client, firm, member, data, errors):
    placement = placement_new(firm=firm, mentor=member)
    days = {
        "FUTURE": timezone.localdate() + timedelta(days=1),
        "BEFORE": placement.starts_on - timedelta(days=1),
        "TODAY": timezone.localdate(),
    }
    if "ended_on" in data:
        data = {**data, "ended_on": days[data["ended_on"]].isoformat()}
    client.force_login(member)
    response = client.post(end_url(placement), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors == {
        field: [str(message) for message in messages]
        for field, messages in errors.items()
    }
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE
    assert placement.ended_on is None
    assert placement.outcome == ""


def test_a_placement_not_under_way_cannot_end(firm, member):
    placement = placement_new(firm=firm, mentor=member, accepted=False)
    with pytest.raises(ValidationError) as error:
        services.placement_end(
            placement=placement,
            ended_on=timezone.localdate(),
            outcome="employed",
            by=member,
        )
    assert error.value.messages == [str(services.NOT_ACTIVE_MESSAGE)]


def test_the_trainee_cannot_end_the_placement(client, firm, member):
    placement = placement_new(firm=firm, mentor=member)
    client.force_login(placement.trainee)
    response = client.post(
        end_url(placement),
        {"ended_on": timezone.localdate().isoformat(), "outcome": "employed"},
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ACTIVE


# Withdrawing sharing and the download ------------------------------------------------


def test_the_trainee_reads_what_withdrawing_means_then_withdraws(
    client, firm, member, monkeypatch
):
    calls = []
    monkeypatch.setattr(
        "placements.services.placements.validation_sharing_withdraw",
        lambda *, placement, by: calls.append((placement.pk, by.pk)),
    )
    placement = placement_new(firm=firm, mentor=member)
    trainee = placement.trainee
    client.force_login(trainee)
    url = reverse("placements:withdraw", kwargs={"pk": placement.pk})

    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, WITHDRAW_EXPLAINED)
    placement.refresh_from_db()
    assert placement.sharing_withdrawn_at is None  # GET changes nothing

    response = client.post(url)
    assert response.status_code == HTTPStatus.FOUND
    placement.refresh_from_db()
    assert placement.sharing_withdrawn_at is not None
    assert calls == [(placement.pk, trainee.pk)]
    # Once is enough.
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN
    with pytest.raises(ValidationError) as error:
        services.placement_sharing_withdraw(placement=placement, by=trainee)
    assert error.value.messages == [str(services.ALREADY_WITHDRAWN_MESSAGE)]


def test_the_download_holds_everything_in_the_placement(client, firm, member):
    placement = placement_new(
        firm=firm, mentor=member, supporting_organisation="Fretex"
    )
    client.force_login(placement.trainee)
    response = client.get(reverse("placements:download", kwargs={"pk": placement.pk}))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["id"] == placement.pk
    assert data["firm"] == firm.name
    assert data["supporting_organisation"] == "Fretex"
    assert data["status"] == "active"
    assert data["mentor_in_training"] is True
    assert set(data) >= {
        "introduction",
        "goals",
        "tasks",
        "evaluations",
        "validation_cases",
    }


def test_download_my_data_has_the_same_placement(client, firm, member):
    placement = placement_new(firm=firm, mentor=member)
    client.force_login(placement.trainee)
    mine = json.loads(
        client.get(reverse("placements:download", kwargs={"pk": placement.pk})).content
    )
    everything = json.loads(client.get(reverse("accounts:data_export")).content)
    assert everything["placements"] == [mine]

    client.force_login(member)
    mentor_data = json.loads(client.get(reverse("accounts:data_export")).content)
    assert mentor_data["placements"] == []
    assert mentor_data["placements_firm_side"]["placements"] == [
        {
            "id": placement.pk,
            "firm": firm.name,
            "mentor": True,
            "mentor_in_training": True,
            "created_by_me": True,
            "starts_on": placement.starts_on.isoformat(),
            "status": "active",
        }
    ]


def test_deleting_the_trainee_account_deletes_their_placements(firm, member):
    placement = placement_new(firm=firm, mentor=member)
    account_services.user_anonymise(user=placement.trainee)
    assert not Placement.objects.filter(pk=placement.pk).exists()
