"""Production's security settings, as production loads them, on real responses:
HSTS, cookies, framing, sniffing, referrer, the content security policy and the
password rules. `manage.py check --deploy` finds nothing to warn about."""

import json
import os
import secrets
import subprocess
import sys
from http import HTTPStatus

from django.conf import settings as django_settings
from django.contrib.auth import password_validation
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from lms.verification.signing import signing_key_generate
from tests.accounts.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ONE_YEAR = 365 * 24 * 60 * 60
# What production sets about transport, cookies, headers and the policy; the
# tests run with these values, read from lms/settings/production.py.
SECURITY_SETTINGS = (
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "CSP_ADMIN_PREFIXES",
    "AUTH_PASSWORD_VALIDATORS",
)
LOGIN = reverse("accounts:login")
PUBLIC_PAGES = ("/", LOGIN, "/verify/", "/sok/")
PERSONAL_PAGES = ("/hjem/", "/accounts/profile/", "/accounts/password/change/")
WEAK = "12345678"


def production_environment() -> dict:
    """What `make check-deploy` gives production (no real secret)."""
    environment = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CREDENTIAL_SIGNING_KEYS": json.dumps([signing_key_generate()]),
    }
    # Set for the browser tests' thread only (tests/browser/conftest.py).
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.pop("SECURE_SSL_REDIRECT", None)
    return environment


# Prints production's settings as JSON (each value JSON can hold).
DUMP_SETTINGS = """
import json
from lms.settings import production
values = {}
for name in dir(production):
    if name.isupper():
        try:
            values[name] = json.loads(json.dumps(getattr(production, name)))
        except TypeError:
            pass
print(json.dumps(values))
"""
TUPLE_SETTINGS = ("SECURE_PROXY_SSL_HEADER", "CSP_ADMIN_PREFIXES")


@pytest.fixture(scope="module")
def production():
    """lms/settings/production.py's values, as a fresh process loads them."""
    result = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", DUMP_SETTINGS],
        cwd=django_settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values = json.loads(result.stdout)
    for name in TUPLE_SETTINGS:
        values[name] = tuple(values[name])
    return values


@pytest.fixture
def as_production(production, settings):
    for name in SECURITY_SETTINGS:
        if name in production:
            setattr(settings, name, production[name])
    return production


@pytest.fixture
def https():
    """A client that comes over HTTPS, in English."""
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def logged_in(client) -> Client:
    user = UserFactory()
    response = client.post(
        LOGIN, {"username": user.email, "password": TEST_PASSWORD}, secure=True
    )
    assert response.status_code == HTTPStatus.FOUND
    return client


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_check_deploy_finds_nothing():
    """Like `make check-deploy`: production's settings, deploy checks, warnings fail."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--settings=lms.settings.production",
            "--fail-level",
            "WARNING",
        ],
        cwd=django_settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in result.stderr


def test_production_settings_values(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= ONE_YEAR
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert production["LANGUAGE_COOKIE_SECURE"] is True
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["SECURE_REFERRER_POLICY"] == "same-origin"
    assert production["SESSION_IDLE_TIMEOUT"] == 2 * 60 * 60
    assert production["SESSION_ABSOLUTE_LIFETIME"] == 12 * 60 * 60
    assert production["SESSION_ENGINE"] == "lms.accounts.sessions.cached_db"


def test_plain_http_is_sent_to_https(as_production, client):
    response = client.get("/verify/")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "https://testserver/verify/"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_carry_every_security_header(as_production, https, path):
    response = https.get(path, secure=True)
    assert response.status_code == HTTPStatus.OK
    assert response["Strict-Transport-Security"] == (
        f"max-age={as_production['SECURE_HSTS_SECONDS']}; includeSubDomains; preload"
    )
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert_strict_policy(response)


@pytest.mark.parametrize("path", PERSONAL_PAGES)
def test_personal_pages_carry_the_strict_policy(as_production, https, path):
    response = logged_in(https).get(path, secure=True)
    assert response.status_code == HTTPStatus.OK
    assert response["X-Frame-Options"] == "DENY"
    assert_strict_policy(response)


def assert_strict_policy(response) -> None:
    assert "Content-Security-Policy-Report-Only" not in response
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    header = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in header
    assert "'unsafe-eval'" not in header
    assert "*" not in header.split()


def test_only_the_admin_loosens_the_policy(as_production, https):
    user = UserFactory(is_superuser=True, is_staff=True)
    https.force_login(user)
    directives = policy(https.get("/admin/", secure=True))
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]


def test_login_sets_secure_httponly_lax_cookies(as_production, https):
    page = https.get(LOGIN, secure=True)
    csrf = page.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"

    response = https.post(
        LOGIN,
        {"username": UserFactory().email, "password": TEST_PASSWORD},
        secure=True,
    )
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["max-age"] == as_production["SESSION_ABSOLUTE_LIFETIME"]


def test_password_validators_cover_length_common_numeric_and_similarity(production):
    names = {
        validator["NAME"].rsplit(".", 1)[-1]: validator.get("OPTIONS", {})
        for validator in production["AUTH_PASSWORD_VALIDATORS"]
    }
    assert set(names) == {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }
    assert names["MinimumLengthValidator"]["min_length"] >= 10


def test_a_weak_password_is_refused_on_password_change_with_the_reasons(
    as_production, https
):
    client = logged_in(https)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": WEAK, "new_password2": WEAK},
        secure=True,
    )
    assert response.status_code == HTTPStatus.OK  # the form again, not a redirect
    errors = response.context["form"].errors["new_password2"]
    with translation.override("en"):
        expected = [
            str(error.message % (error.params or {}))
            for error in _validation_errors(WEAK)
        ]
    assert errors == expected
    assert len(expected) == 3  # too short, too common, entirely numeric
    for message in expected:
        assert message in response.content.decode()


def test_a_password_like_the_name_is_refused_at_invitation_signup(as_production, https):
    from lms.accounts import services
    from tests.accounts.factories import FirmFactory

    firm = FirmFactory()
    contact = UserFactory()
    services.membership_add(firm=firm, user=contact, is_contact=True)
    _invitation, token = services.invitation_create(
        firm=firm,
        email="ny.person@example.no",
        invited_by=contact,
        base_url="https://testserver",
    )
    response = https.post(
        reverse("accounts:invitation_accept", args=[token]),
        {
            "first_name": "Ragnhild",
            "last_name": "Kvernmoen",
            "language": "en",
            "password1": "ragnhild12",
            "password2": "ragnhild12",
        },
        secure=True,
    )
    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors["password1"]
    with translation.override("en"):
        similar = password_validation.UserAttributeSimilarityValidator()
        assert (
            str(similar.get_error_message() % {"verbose_name": "first name"}) in errors
        )


def _validation_errors(password: str):
    try:
        password_validation.validate_password(password)
    except password_validation.ValidationError as error:
        return error.error_list
    return []
