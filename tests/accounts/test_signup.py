"""A new firm signs up by itself: one form, a confirmation link, then the person,
the firm, the contact membership and the application, all at once."""

import re
from datetime import timedelta
from http import HTTPStatus

from django.core import mail
from django.forms import ChoiceField, Field
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Enrolment, EnrolmentStatus, RunStatus
from lms.accounts.forms import PASSWORD_MISMATCH_MESSAGE
from lms.accounts.models import Firm, FirmClaim, FirmSignup, Membership, User
from lms.accounts.roles import Role
from lms.accounts.signup import services as signup
from lms.accounts.validators import (
    CONTROL_CHARACTERS_MESSAGE,
    ORG_NUMBER_CHECKSUM_MESSAGE,
    ORG_NUMBER_FORMAT_MESSAGE,
    format_org_number,
)
from lms.accounts.views import SIGNUP_TOO_MANY_MESSAGE

from ..courses import factories as courses
from ..helpers import assert_shows_message
from .factories import FirmFactory, UserFactory, valid_org_number

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
PASSWORD = "Lang-og-trygg-2026"
ORG_NUMBER = "914035171"
SHOWN_ORG_NUMBER = "914 035 171"


@pytest.fixture
def run(db):
    return courses.run()


def form_data(**changes):
    data = {
        "org_number": "914 035 171",
        "firm_name": "Askerbakeriet AS",
        "municipality": "Asker",
        "industry": "C",
        "size_band": "10-19",
        "first_name": "Kari",
        "last_name": "Nordmann",
        "email": "kari@askerbakeriet.no",
        "language": "nb",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "run": "",
        "message": "",
    }
    data.update(changes)
    return data


def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


def link_path(message) -> str:
    """The confirmation link's path, from the text body of the mail."""
    return re.search(
        r"https?://[^/\s]+(/accounts/signup/confirm/[^/\s]+/)", message.body
    )[1]


def nothing_created():
    return (
        FirmSignup.objects.count(),
        User.objects.filter(led_runs=None).count(),  # not the runs' leaders
        Firm.objects.count(),
        Membership.objects.count(),
        Enrolment.objects.count(),
        FirmClaim.objects.count(),
    )


def sign_up(client, **changes):
    response = client.post(SIGNUP, form_data(**changes))
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert response["Location"] == reverse("accounts:signup_sent")
    return link_path(mail.outbox[-1])


# --- The organisation number --------------------------------------------------


def test_org_number_is_formatted_in_groups_of_three():
    assert format_org_number("914035171") == SHOWN_ORG_NUMBER
    assert format_org_number("91403517") == "91403517"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("914 035 172", ORG_NUMBER_CHECKSUM_MESSAGE),  # wrong check digit
        ("91403517A", ORG_NUMBER_FORMAT_MESSAGE),  # a letter
        ("ABC DEF GHI", ORG_NUMBER_FORMAT_MESSAGE),
        ("9140 3517", ORG_NUMBER_FORMAT_MESSAGE),  # eight digits
    ],
)
def test_a_bad_org_number_is_refused_with_its_message_and_nothing_is_made(
    client, typed, message
):
    response = client.post(SIGNUP, form_data(org_number=typed))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, message)
    assert nothing_created() == (0, 0, 0, 0, 0, 0)
    assert mail.outbox == []


@pytest.mark.parametrize("typed", ["914 035 171", "914035171", " 914 03 51 71 "])
def test_an_org_number_with_spaces_is_kept_as_nine_digits(client, typed):
    sign_up(client, org_number=typed)
    assert FirmSignup.objects.get().org_number == ORG_NUMBER


# --- Every other field --------------------------------------------------------

REQUIRED = Field.default_error_messages["required"]
INVALID_CHOICE = ChoiceField.default_error_messages["invalid_choice"]


@pytest.mark.parametrize(
    ("field", "value", "message", "params"),
    [
        ("firm_name", "", REQUIRED, {}),
        ("firm_name", "Bakeri\nAS", CONTROL_CHARACTERS_MESSAGE, {}),
        ("municipality", "", REQUIRED, {}),
        ("industry", "", REQUIRED, {}),
        ("industry", "Å", INVALID_CHOICE, {"value": "Å"}),
        ("size_band", "", REQUIRED, {}),
        ("size_band", "1000+", INVALID_CHOICE, {"value": "1000+"}),
        ("first_name", "", REQUIRED, {}),
        ("last_name", "", REQUIRED, {}),
        ("email", "", REQUIRED, {}),
        ("language", "de", INVALID_CHOICE, {"value": "de"}),
        ("password2", "Noe-helt-annet-2026", PASSWORD_MISMATCH_MESSAGE, {}),
        ("run", "999999", INVALID_CHOICE, {"value": "999999"}),
    ],
)
def test_every_bad_field_gives_its_message_and_nothing_is_made(
    client, field, value, message, params
):
    response = client.post(SIGNUP, form_data(**{field: value}))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, message, **params)
    assert nothing_created() == (0, 0, 0, 0, 0, 0)
    assert mail.outbox == []


def test_a_bad_email_address_is_refused(client):
    response = english(client).post(SIGNUP, form_data(email="kari@"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Enter a valid email address." in response.content.decode()
    assert nothing_created() == (0, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password123", "This password is too common."),
        (
            "kort-1",
            "This password is too short. It must contain at least 10 characters.",
        ),
        ("4815162342108", "This password is entirely numeric."),
    ],
)
def test_a_weak_password_is_refused_by_djangos_validators(client, password, message):
    response = english(client).post(
        SIGNUP, form_data(password1=password, password2=password)
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert nothing_created() == (0, 0, 0, 0, 0, 0)


def test_a_password_like_the_e_mail_address_is_refused(client):
    response = english(client).post(
        SIGNUP,
        form_data(password1="kari@askerbakeriet", password2="kari@askerbakeriet"),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "too similar" in response.content.decode()
    assert nothing_created() == (0, 0, 0, 0, 0, 0)


# --- Submitting: a pending sign-up and a mail, nothing else ---------------------


def test_submitting_keeps_only_a_pending_sign_up_and_mails_a_link(client, run):
    path = sign_up(client, run=str(run.pk), email="Kari@Askerbakeriet.no")
    pending = FirmSignup.objects.get()
    assert nothing_created() == (1, 0, 0, 0, 0, 0)
    assert pending.email == "kari@askerbakeriet.no"
    assert pending.run_id == run.pk
    assert pending.confirmed_at is None
    assert pending.expires_at - pending.created_at == timedelta(hours=48)
    # Hashes only: neither the token nor the password is stored as typed.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in pending.token_hash
    assert PASSWORD not in pending.password_hash
    assert pending.password_hash.startswith("md5$")  # the test settings' hasher
    message = mail.outbox[0]
    assert message.to == ["kari@askerbakeriet.no"]
    assert "Askerbakeriet AS" in message.subject
    assert SHOWN_ORG_NUMBER in message.body
    assert path in message.alternatives[0][0]


def test_the_sent_page_names_the_address(client):
    sign_up(client)
    response = client.get(reverse("accounts:signup_sent"))
    assert "kari@askerbakeriet.no" in response.content.decode()


def test_a_run_link_preselects_the_run(client, run):
    other = courses.run()
    response = client.get(SIGNUP, {"run": other.pk})
    form = response.context["form"]
    assert form.initial["run"] == other.pk
    assert f'<option value="{other.pk}" selected>' in response.content.decode()
    assert f'<option value="{run.pk}">' in response.content.decode()


def test_a_closed_run_is_not_offered(client, run):
    closed = courses.run()
    closed.status = RunStatus.CANCELLED
    closed.save()
    response = client.get(SIGNUP, {"run": closed.pk})
    assert "run" not in response.context["form"].initial
    assert f'value="{closed.pk}"' not in response.content.decode()


def test_sign_ups_are_throttled_per_client(client, settings):
    settings.SIGNUP_CLIENT_RATE = "2/h"
    for n in range(2):
        sign_up(client, email=f"person{n}@example.no")
    response = client.post(SIGNUP, form_data(email="person9@example.no"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert_shows_message(response, SIGNUP_TOO_MANY_MESSAGE)
    assert FirmSignup.objects.count() == 2
    assert len(mail.outbox) == 2
    # Another client is not held back.
    other = client.post(
        SIGNUP, form_data(email="person8@example.no"), REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == HTTPStatus.FOUND


# --- An address that already has an account ---------------------------------------


def test_an_address_with_an_account_gets_a_mail_and_the_same_answer(client):
    existing = UserFactory(email="kari@askerbakeriet.no")
    known = client.post(SIGNUP, form_data(email="KARI@askerbakeriet.no"))
    unknown = client.post(SIGNUP, form_data(email="ola@askerbakeriet.no"))
    # The page answers the same: it does not tell whether the address is known.
    assert known.status_code == unknown.status_code == HTTPStatus.FOUND
    assert known["Location"] == unknown["Location"]
    # Nothing is made for the known address: one pending sign-up, for Ola.
    assert list(FirmSignup.objects.values_list("email", flat=True)) == [
        "ola@askerbakeriet.no"
    ]
    assert User.objects.count() == 1
    assert Firm.objects.count() == 0
    told = mail.outbox[0]
    assert told.to == [existing.email]
    assert "/accounts/login/" in told.body
    assert "/accounts/password/reset/" in told.body
    assert "/accounts/signup/confirm/" not in told.body


def test_the_account_exists_mail_is_clear_in_english(client):
    UserFactory(email="kari@askerbakeriet.no")
    client.post(SIGNUP, form_data(language="en"))
    body = mail.outbox[0].body
    assert "there is already an account for it. Log in instead" in body
    assert "Log in: http://testserver/accounts/login/" in body
    assert "Set a new password: http://testserver/accounts/password/reset/" in body


# --- Confirming ---------------------------------------------------------------


def test_opening_the_link_changes_nothing(client, run):
    path = sign_up(client, run=str(run.pk))
    before = nothing_created()
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert SHOWN_ORG_NUMBER in page
    assert run.title in page
    assert nothing_created() == before == (1, 0, 0, 0, 0, 0)
    assert FirmSignup.objects.get().confirmed_at is None
    assert "_auth_user_id" not in client.session
    # Opened twice (a mail scanner, then the person): still usable.
    assert client.get(path).status_code == HTTPStatus.OK


def test_confirming_makes_exactly_the_person_firm_membership_and_application(
    client, run
):
    path = sign_up(client, run=str(run.pk))
    response = client.post(path)
    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="kari@askerbakeriet.no")
    firm = Firm.objects.get()
    membership = Membership.objects.get()
    enrolment = Enrolment.objects.get()
    assert nothing_created() == (1, 1, 1, 1, 1, 0)
    assert user.email == "kari@askerbakeriet.no"
    assert (user.first_name, user.last_name, user.language) == (
        "Kari",
        "Nordmann",
        "nb",
    )
    assert user.is_active
    assert user.check_password(PASSWORD)
    assert (firm.org_number, firm.name, firm.municipality) == (
        ORG_NUMBER,
        "Askerbakeriet AS",
        "Asker",
    )
    assert (firm.industry, firm.size_band) == ("C", "10-19")
    assert (membership.user, membership.firm, membership.is_contact) == (
        user,
        firm,
        True,
    )
    assert set(user.groups.values_list("name", flat=True)) == {
        Role.PARTICIPANT.value,
        Role.FIRM_CONTACT.value,
    }
    assert (enrolment.run, enrolment.firm, enrolment.status) == (
        run,
        firm,
        EnrolmentStatus.APPLIED,
    )
    assert enrolment.applied_by == user
    # Logged in, on the home page.
    assert client.session["_auth_user_id"] == str(user.pk)
    assert response["Location"] == reverse("home")
    pending = FirmSignup.objects.get()
    assert pending.confirmed_at is not None
    assert pending.password_hash == ""


def test_confirming_without_a_run_makes_no_application(client):
    client.post(sign_up(client))
    assert nothing_created() == (1, 1, 1, 1, 0, 0)


def test_a_run_closed_before_confirming_leaves_the_firm_and_says_so(client, run):
    path = sign_up(client, run=str(run.pk))
    run.status = RunStatus.CANCELLED
    run.save()
    response = english(client).post(path, follow=True)
    assert nothing_created() == (1, 1, 1, 1, 0, 0)
    assert "This course run is not open for enrolment." in response.content.decode()


def test_the_link_works_once(client):
    path = sign_up(client)
    client.post(path)
    client.logout()
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == HTTPStatus.GONE
        assert_shows_message(response, signup.SIGNUP_USED_MESSAGE)
    assert nothing_created() == (1, 1, 1, 1, 0, 0)


def test_an_expired_link_is_refused_and_nothing_is_made(client):
    path = sign_up(client)
    FirmSignup.objects.update(
        created_at=timezone.now() - timedelta(hours=49),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == HTTPStatus.GONE
        assert_shows_message(response, signup.SIGNUP_EXPIRED_MESSAGE)
    assert nothing_created() == (1, 0, 0, 0, 0, 0)


@pytest.mark.parametrize("mangle", [lambda t: t[:-1], lambda t: t + "x", str.upper])
def test_a_garbled_link_is_not_found_and_nothing_is_made(client, mangle):
    path = sign_up(client)
    token = path.rstrip("/").rsplit("/", 1)[1]
    garbled = reverse("accounts:signup_confirm", kwargs={"token": mangle(token)})
    for method in (client.get, client.post):
        response = method(garbled)
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert_shows_message(response, signup.SIGNUP_NOT_FOUND_MESSAGE)
    assert nothing_created() == (1, 0, 0, 0, 0, 0)


def test_an_account_made_meanwhile_for_the_address_stops_the_confirmation(client):
    path = sign_up(client)
    UserFactory(email="kari@askerbakeriet.no")
    response = client.post(path)
    assert response.status_code == HTTPStatus.GONE
    assert_shows_message(response, signup.SIGNUP_ACCOUNT_EXISTS_MESSAGE)
    assert (Firm.objects.count(), Membership.objects.count()) == (0, 0)


def test_only_the_newest_link_of_an_address_works(client):
    first = sign_up(client)
    second = sign_up(client, firm_name="Askerbakeriet Kafé AS")
    assert client.get(first).status_code == HTTPStatus.NOT_FOUND
    client.post(second)
    assert Firm.objects.get().name == "Askerbakeriet Kafé AS"


# --- A logged-in person ---------------------------------------------------------


def test_a_logged_in_person_registers_a_firm_without_password_fields(client, run):
    person = UserFactory()
    client.force_login(person)
    page = client.get(SIGNUP).content.decode()
    assert 'name="password1"' not in page
    assert 'name="email"' not in page
    org_number = valid_org_number(4321)
    response = client.post(
        SIGNUP,
        {
            "org_number": format_org_number(org_number),
            "firm_name": "Vollen Kafé AS",
            "municipality": "Asker",
            "industry": "I",
            "size_band": "1-4",
            "run": str(run.pk),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    firm = Firm.objects.get(org_number=org_number)
    assert Membership.objects.get(firm=firm).user == person
    assert Membership.objects.get(firm=firm).is_contact
    assert Enrolment.objects.get(firm=firm).run == run
    assert FirmSignup.objects.count() == 0
    assert mail.outbox == []


# --- Where people find the way in, and where the leader sees the firm -------------


def test_the_course_page_and_the_login_page_offer_registering_a_firm(client, run):
    catalogue = client.get(reverse("courses:run_catalogue")).content.decode()
    assert f'href="{SIGNUP}?run={run.pk}"' in catalogue
    login_page = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{SIGNUP}"' in login_page


def test_the_leader_sees_the_new_firm_and_its_application(client, run):
    client.post(sign_up(client, run=str(run.pk)))
    client.logout()
    client.force_login(run.leaders.get())
    page = client.get(reverse("courses:run_overview", args=[run.pk])).content.decode()
    assert "Askerbakeriet AS" in page
    assert SHOWN_ORG_NUMBER in page


def test_the_signup_page_passes_on_a_phone_without_an_account(client):
    response = client.get(SIGNUP)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    for name in ("org_number", "firm_name", "email", "password1", "run"):
        assert f'name="{name}"' in page
    assert 'inputmode="numeric"' in page


# --- Django admin -----------------------------------------------------------------


def test_sign_ups_and_requests_are_read_only_for_superusers_in_django_admin(client):
    FirmSignup.objects.create(
        email="x@example.no",
        first_name="X",
        last_name="Y",
        language="nb",
        password_hash="md5$x",
        org_number=ORG_NUMBER,
        firm_name="X AS",
        municipality="Asker",
        industry="C",
        size_band="1-4",
        token_hash="a" * 64,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    FirmClaim.objects.create(firm=FirmFactory(), person=UserFactory())
    superuser = User.objects.create_superuser(
        email="root@example.no", password=PASSWORD
    )
    client.force_login(superuser)
    for model in ("firmsignup", "firmclaim"):
        listing = client.get(reverse(f"admin:accounts_{model}_changelist"))
        assert listing.status_code == HTTPStatus.OK
        add = client.get(reverse(f"admin:accounts_{model}_add"))
        assert add.status_code == HTTPStatus.FORBIDDEN
    detail = client.get(
        reverse("admin:accounts_firmsignup_change", args=[FirmSignup.objects.get().pk])
    ).content.decode()
    assert "a" * 64 not in detail
    assert 'name="email"' not in detail  # shown, not editable
