"""Two-step sign-in (TOTP, django-otp): setup, the code step of logging in,
backup codes, throttling, REQUIRE_2FA for the roles that need it, turning off
and an administrator's reset."""

from binascii import unhexlify
from http import HTTPStatus

from django.contrib.auth import SESSION_KEY
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import ModelLogEntry

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lms.accounts import services as account_services
from lms.accounts.roles import Role
from lms.accounts.two_factor import services, views
from lms.accounts.two_factor.signals import SESSION_HAS_TWO_FACTOR

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
CODE_STEP = reverse("accounts:two_factor_login")
SETUP = reverse("accounts:two_factor_setup")
HOME = reverse("home")
PROFILE = reverse("accounts:profile")


def code_for(key: str, steps_ahead: int = 0) -> str:
    """The app's code now (or `steps_ahead` steps of 30 s later)."""
    return f"{totp(unhexlify(key), t0=-30 * steps_ahead):06d}"


def turn_on(user) -> tuple[TOTPDevice, list[str]]:
    device = TOTPDevice.objects.create(
        user=user, name=services.TOTP_DEVICE_NAME, key=services.two_factor_secret_new()
    )
    return device, services.two_factor_backup_codes_regenerate(user=user)


def password_step(client: Client, user, next_url: str = ""):
    data = {"username": user.email, "password": TEST_PASSWORD}
    return client.post(LOGIN + (f"?next={next_url}" if next_url else ""), data)


def logged_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def role_holder(role: Role):
    person = UserFactory()
    account_services.role_grant(user=person, role=role)
    return person


# --- Setup ---------------------------------------------------------------------


def test_setup_shows_a_qr_code_and_the_key_then_confirms_with_a_code(client, user):
    client.force_login(user)
    response = client.get(SETUP)
    assert response.status_code == HTTPStatus.OK
    key = client.session[views.SESSION_SETUP_KEY]
    html = response.content.decode()
    assert "<svg" in html and "<img" not in html.split("two-factor-qr")[1][:200]
    assert services.secret_for_typing(key) in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    # Nothing stored on the account before the code confirms it.
    assert not TOTPDevice.objects.filter(user=user).exists()

    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["code"] == [str(services.WRONG_CODE_MESSAGE)]
    assert not TOTPDevice.objects.filter(user=user).exists()
    # Characters that look like digits but are not ASCII are just wrong.
    assert client.post(SETUP, {"code": "²³⁴５６７"}).status_code == (
        HTTPStatus.BAD_REQUEST
    )

    response = client.post(SETUP, {"code": code_for(key)})
    assert response.status_code == HTTPStatus.FOUND
    assert (
        response.url == reverse("accounts:two_factor_backup_codes") + "?next=%2Fhjem%2F"
    )
    device = TOTPDevice.objects.get(user=user)
    assert (device.key, device.confirmed) == (key, True)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.session[SESSION_HAS_TWO_FACTOR] is True

    # The ten backup codes, once.
    first = client.get(response.url)
    codes = first.context["codes"]
    assert len(codes) == services.BACKUP_CODE_COUNT == 10
    assert sorted(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    ) == sorted(codes)
    assert all(code in first.content.decode() for code in codes)
    second = client.get(response.url)
    assert second.context["codes"] is None
    assert not any(code in second.content.decode() for code in codes)
    assert second.context["codes_left"] == 10
    assert second.context["next"] == HOME


def test_the_code_that_confirmed_setup_cannot_log_in_again(client, user):
    client.force_login(user)
    client.get(SETUP)
    key = client.session[views.SESSION_SETUP_KEY]
    code = code_for(key)
    client.post(SETUP, {"code": code})
    other = Client()
    password_step(other, user)
    response = other.post(CODE_STEP, {"code": code})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not logged_in(other)


def test_turning_on_ends_the_persons_other_sessions(user):
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)
    here.get(SETUP)
    key = here.session[views.SESSION_SETUP_KEY]
    here.post(SETUP, {"code": code_for(key)})
    assert elsewhere.get(PROFILE).status_code == HTTPStatus.FOUND
    assert not logged_in(elsewhere)
    assert here.get(PROFILE).status_code == HTTPStatus.OK


def test_setup_acts_only_on_the_logged_in_person(client):
    alice, bob = UserFactory(), UserFactory()
    client.force_login(alice)
    client.get(SETUP)
    alice_key = client.session[views.SESSION_SETUP_KEY]
    bob_client = Client()
    bob_client.force_login(bob)
    response = bob_client.get(SETUP, {"user": alice.pk, "pk": alice.pk})
    assert services.secret_for_typing(alice_key) not in response.content.decode()
    # A code from Alice's app does not set up anything for Bob or for Alice.
    response = bob_client.post(SETUP, {"code": code_for(alice_key)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not TOTPDevice.objects.exists()
    # Nobody logged out reaches it.
    response = Client().get(SETUP)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(LOGIN)


def test_profile_offers_setup_and_then_turning_off(client, user):
    client.force_login(user)
    with translation.override("en"):
        assert SETUP in client.get(PROFILE).content.decode()
        turn_on(user)
        session = client.session
        session[SESSION_HAS_TWO_FACTOR] = False  # not asked at this login
        session.save()
        html = client.get(PROFILE).content.decode()
    assert reverse("accounts:two_factor_disable") in html
    assert SETUP not in html


# --- Logging in ------------------------------------------------------------------


def test_login_with_a_code_from_the_app(client, user):
    device, _codes = turn_on(user)
    response = password_step(client, user, next_url=PROFILE)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == CODE_STEP
    # The password alone logs nobody in.
    assert not logged_in(client)
    assert client.get(PROFILE).url.startswith(LOGIN)

    page = client.get(CODE_STEP)
    assert page.status_code == HTTPStatus.OK
    assert 'autocomplete="one-time-code"' in page.content.decode()

    response = client.post(CODE_STEP, {"code": code_for(device.key)})
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == PROFILE
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert views.SESSION_PENDING_LOGIN not in client.session
    assert client.get(PROFILE).status_code == HTTPStatus.OK


def test_login_without_two_factor_is_one_step(client, user):
    response = password_step(client, user)
    assert response.url == HOME
    assert logged_in(client)
    assert client.session[SESSION_HAS_TWO_FACTOR] is False


def test_a_backup_code_logs_in_once(client, user):
    _device, codes = turn_on(user)
    password_step(client, user)
    # As people type it: upper case, with a space.
    typed = codes[0][:4].upper() + " " + codes[0][4:].upper()
    response = client.post(CODE_STEP, {"backup_code": typed})
    assert response.status_code == HTTPStatus.FOUND
    assert logged_in(client)
    assert not StaticToken.objects.filter(token=codes[0]).exists()

    again = Client()
    password_step(again, user)
    response = again.post(CODE_STEP, {"backup_code": codes[0]})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["backup_form"].errors["backup_code"] == [
        str(services.WRONG_BACKUP_CODE_MESSAGE)
    ]
    assert not logged_in(again)


def test_a_wrong_code_says_so_and_logs_nobody_in(client, user):
    turn_on(user)
    password_step(client, user)
    response = client.post(CODE_STEP, {"code": "123456"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["app_form"].errors["code"] == [
        str(services.WRONG_CODE_MESSAGE)
    ]
    assert not logged_in(client)


def test_the_code_step_without_a_password_goes_back_to_login(client, user):
    turn_on(user)
    response = client.get(CODE_STEP)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == LOGIN


def test_the_password_step_expires(client, user, settings):
    device, _codes = turn_on(user)
    password_step(client, user)
    session = client.session
    session[views.SESSION_PENDING_LOGIN]["at"] -= settings.TWO_FACTOR_LOGIN_SECONDS + 1
    session.save()
    response = client.post(CODE_STEP, {"code": code_for(device.key)})
    assert response.url == LOGIN
    assert not logged_in(client)


def test_wrong_codes_are_throttled_per_device(client, user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device, _codes = turn_on(user)
    password_step(client, user)
    client.post(CODE_STEP, {"code": "123456"})
    # Even the right code waits, from any address.
    other = Client(REMOTE_ADDR="10.9.8.7")
    password_step(other, user)
    response = other.post(CODE_STEP, {"code": code_for(device.key)})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response.context["app_form"].errors["code"] == [
        str(views.TOO_MANY_TRIES_MESSAGE % {"seconds": 60})
    ]
    assert not logged_in(other)


def test_wrong_codes_count_as_failed_logins_for_axes(client, user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device, _codes = turn_on(user)
    password_step(client, user)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(CODE_STEP, {"code": "123456"})
        assert response.status_code == HTTPStatus.BAD_REQUEST
    response = client.post(CODE_STEP, {"code": "123456"})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    # Locked: the right code no longer helps, and the password step must be redone.
    response = client.post(CODE_STEP, {"code": code_for(device.key)})
    assert response.url == LOGIN
    assert not logged_in(client)


# --- REQUIRE_2FA -----------------------------------------------------------------

REQUIRED_ROLES = [Role.ADMINISTRATOR, Role.ASSESSOR, Role.INTERNAL_VERIFIER]


@pytest.mark.parametrize("role", REQUIRED_ROLES)
def test_required_roles_without_a_device_are_sent_to_setup(client, settings, role):
    settings.REQUIRE_2FA = True
    person = role_holder(role)
    client.force_login(person)
    for path in (HOME, PROFILE, "/", "/admin/", "/django-admin/"):
        response = client.get(path)
        assert response.status_code == HTTPStatus.FOUND, path
        assert response.url.startswith(SETUP + "?next="), path
    # What they need to get there stays open.
    assert client.get(SETUP).status_code == HTTPStatus.OK
    assert client.get(reverse("healthz")).status_code == HTTPStatus.OK
    key = client.session[views.SESSION_SETUP_KEY]
    response = client.post(SETUP + "?next=/admin/", {"code": code_for(key)})
    assert client.get(response.url).context["next"] == "/admin/"
    assert client.get(HOME).status_code == HTTPStatus.OK
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == HTTPStatus.FOUND
    assert not logged_in(client)


@pytest.mark.parametrize("role", REQUIRED_ROLES)
def test_required_roles_with_a_device_must_give_the_code(client, settings, role):
    settings.REQUIRE_2FA = True
    person = role_holder(role)
    device, _codes = turn_on(person)
    # Logged in by another path than the login page (an admin's login form).
    client.force_login(person)
    for path in (HOME, "/admin/", "/django-admin/"):
        response = client.get(path)
        assert response.url.startswith(CODE_STEP + "?next="), path
    response = client.post(CODE_STEP + "?next=/admin/", {"code": code_for(device.key)})
    assert response.url == "/admin/"
    assert client.get(HOME).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "role", [None, Role.COURSE_LEADER, Role.CANDIDATE, Role.EDITOR]
)
def test_other_people_are_not_forced(client, settings, member, role):
    settings.REQUIRE_2FA = True
    person = member if role is None else role_holder(role)
    client.force_login(person)
    assert client.get(HOME).status_code == HTTPStatus.OK
    assert client.get(PROFILE).status_code == HTTPStatus.OK


@pytest.mark.parametrize("role", REQUIRED_ROLES)
def test_with_the_setting_off_nobody_is_forced(client, settings, role):
    settings.REQUIRE_2FA = False
    client.force_login(role_holder(role))
    assert client.get(HOME).status_code == HTTPStatus.OK
    assert client.get(SETUP).status_code == HTTPStatus.OK


def test_a_volunteer_with_a_device_must_give_the_code_whatever_the_setting(
    client, settings, member
):
    settings.REQUIRE_2FA = False
    turn_on(member)
    client.force_login(member)
    assert client.get(HOME).url.startswith(CODE_STEP)


# --- Turning off, new backup codes, reset -----------------------------------------


def test_turning_off_takes_the_password_and_a_code(client, user):
    device, _codes = turn_on(user)
    password_step(client, user)
    client.post(CODE_STEP, {"code": code_for(device.key)})
    disable = reverse("accounts:two_factor_disable")
    response = client.post(
        disable, {"password": "wrong-password", "code": code_for(device.key, 1)}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert TOTPDevice.objects.filter(user=user).exists()
    response = client.post(
        disable, {"password": TEST_PASSWORD, "code": code_for(device.key, 1)}
    )
    assert response.url == PROFILE
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert client.get(HOME).status_code == HTTPStatus.OK


def test_new_backup_codes_replace_the_old_ones(client, user):
    device, old_codes = turn_on(user)
    password_step(client, user)
    client.post(CODE_STEP, {"code": code_for(device.key)})
    response = client.post(reverse("accounts:two_factor_backup_codes_new"))
    new_codes = client.get(response.url).context["codes"]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    # GET changes nothing.
    assert client.get(reverse("accounts:two_factor_backup_codes_new")).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_an_administrator_resets_someones_two_factor(administrator, user):
    turn_on(user)
    elsewhere = Client()
    elsewhere.force_login(user)
    services.two_factor_reset(user=user, by=administrator)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert not logged_in(elsewhere) or elsewhere.get(PROFILE).url.startswith(LOGIN)
    entry = ModelLogEntry.objects.get(action=services.RESET_LOG_ACTION)
    assert (entry.object_id, entry.user_id) == (str(user.pk), administrator.pk)


def test_only_an_administrator_may_reset(user, member):
    turn_on(user)
    with pytest.raises(PermissionDenied):
        services.two_factor_reset(user=user, by=member)
    assert TOTPDevice.objects.filter(user=user).exists()


def test_reset_from_django_admin(client, user):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    turn_on(user)
    client.force_login(superuser)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [user.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert ModelLogEntry.objects.filter(
        action=services.RESET_LOG_ACTION, user=superuser
    ).exists()
