"""/verify/: anyone checks a certificate by its code; nothing private leaks, and
guessing codes is refused after a few misses."""

import re
from datetime import timedelta
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

import pytest

from courses.models import Certification, CourseCertificate
from lms.verification.views import NOT_FOUND_MESSAGE, TOO_MANY_MESSAGE

from ..accounts.factories import UserFactory
from ..courses import certification_factories as cf
from ..courses import factories

pytestmark = pytest.mark.django_db

CODE = "K7M2QX9P4RTW"
FORMATTED = "K7M2-QX9P-4RTW"
KURSBEVIS_CODE = "H3JN8CWZ5PMA"
UNKNOWN = "ABCD-EFGH-JKMN"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


def detail(code):
    return reverse("verify:detail", kwargs={"code": code})


def badge(code):
    return reverse("verify:badge", kwargs={"code": code})


def short_date(day):
    with translation.override("en"):
        return date_format(day, "SHORT_DATE_FORMAT")


def result_section(page: str) -> str:
    match = re.search(
        r'<section[^>]*id="verification-result".*?</section>', page, re.DOTALL
    )
    assert match, "no verification result on the page"
    return match.group(0)


def message_shown(page: str) -> str:
    match = re.search(r'id="verification-message">(.*?)</div>', page, re.DOTALL)
    return match.group(1) if match else ""


def with_code(certificate, code):
    type(certificate).objects.filter(pk=certificate.pk).update(code=code)
    certificate.refresh_from_db()
    return certificate


@pytest.fixture
def enrolment():
    return factories.enrolment(run_=factories.run(), participants=3)


@pytest.fixture
def firm_certification(enrolment):
    return with_code(cf.certification(enrolment=enrolment), CODE)


@pytest.fixture
def kursbevis(enrolment):
    person = enrolment.contact
    return CourseCertificate.objects.create(
        run=enrolment.run,
        user=person,
        holder_name=str(person),
        code=KURSBEVIS_CODE,
        issued_on=timezone.localdate(),
    )


# --- What the page says ---------------------------------------------------------


def test_an_active_firm_certification_is_shown_as_valid(
    client, firm_certification, enrolment
):
    response = client.get(detail(FORMATTED))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    section = result_section(page)
    firm, course = enrolment.firm.name, enrolment.run.course.title
    assert '<span class="badge text-bg-success" id="verification-status">Valid' in (
        section
    )
    assert "Certified firm" in section
    assert f"This certificate is genuine and valid: {firm} – {course}." in section
    assert f'<dd class="col-sm-8">{firm}</dd>' in section
    assert f'<dd class="col-sm-8">{course}</dd>' in section
    assert f'<dd class="col-sm-8">{enrolment.firm.org_number_display}</dd>' in section
    assert short_date(firm_certification.valid_until) in section
    assert f"<code>{FORMATTED}</code>" in section
    assert '<meta name="robots" content="noindex">' in page


def test_a_firm_certification_page_names_nobody_from_the_firm(
    client, firm_certification, enrolment
):
    page = client.get(detail(FORMATTED)).content.decode()
    people = list(enrolment.participants.all())
    assert len(people) == 3
    for person in people:
        assert person.email not in page
        assert escape(str(person)) not in page
        assert escape(person.last_name) not in result_section(page)
    assert "@" not in result_section(page)


def test_an_expired_certification_is_shown_as_expired(client, enrolment):
    certification = with_code(cf.expired(enrolment=enrolment), CODE)
    response = client.get(detail(FORMATTED))
    assert response.status_code == HTTPStatus.OK
    section = result_section(response.content.decode())
    assert 'id="verification-status">Expired' in section
    assert (
        "This certificate is genuine but expired on "
        f"{short_date(certification.valid_until)}: {enrolment.firm.name}."
    ) in section
    assert ">Valid<" not in section


def test_a_revoked_certification_shows_the_date_but_not_the_reason(client, enrolment):
    certification = with_code(cf.revoked(enrolment=enrolment), CODE)
    revoked_on = timezone.localtime(certification.revoked_at).date()
    response = client.get(detail(FORMATTED))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    section = result_section(page)
    assert 'id="verification-status">Revoked' in section
    assert (
        f"This certificate was revoked on {short_date(revoked_on)} and is no "
        f"longer valid: {enrolment.firm.name}."
    ) in section
    assert f'<dd class="col-sm-8">{short_date(revoked_on)}</dd>' in section
    assert certification.revoked_reason == cf.REVOKED_REASON
    assert escape(cf.REVOKED_REASON) not in page
    assert cf.REVOKED_REASON not in page


def test_status_changes_with_the_date_alone(client, firm_certification):
    Certification.objects.filter(pk=firm_certification.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    section = result_section(client.get(detail(FORMATTED)).content.decode())
    assert 'id="verification-status">Expired' in section


def test_a_kursbevis_shows_the_holder_and_the_course(client, kursbevis, enrolment):
    response = client.get(detail("H3JN-8CWZ-5PMA"))
    assert response.status_code == HTTPStatus.OK
    section = result_section(response.content.decode())
    holder = escape(kursbevis.holder_name)
    assert 'id="verification-status">Valid' in section
    assert "Course certificate" in section
    assert (
        f"This certificate is genuine and valid: {holder} – "
        f"{enrolment.run.course.title}."
    ) in section
    # A course certificate does not expire.
    assert "Valid until" not in section


def test_a_revoked_kursbevis_is_shown_as_revoked(client, kursbevis):
    CourseCertificate.objects.filter(pk=kursbevis.pk).update(
        revoked_at=timezone.now(), revoked_reason="Utstedt ved en feil."
    )
    page = client.get(detail("H3JN-8CWZ-5PMA")).content.decode()
    assert 'id="verification-status">Revoked' in result_section(page)
    assert "Utstedt ved en feil." not in page


def test_an_erased_holder_is_not_named(client, kursbevis):
    name = kursbevis.holder_name
    CourseCertificate.objects.filter(pk=kursbevis.pk).update(holder_name="")
    page = client.get(detail("H3JN-8CWZ-5PMA")).content.decode()
    assert "(name removed at the holder&#x27;s request)" in result_section(page)
    assert escape(name) not in page


# --- Codes as typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["k7m2-qx9p-4rtw", "K7M2QX9P4RTW", "k7m2qx9p4rtw", "K7M2 QX9P 4RTW"]
)
def test_a_code_typed_another_way_redirects_to_the_canonical_page(
    client, firm_certification, typed
):
    response = client.get(detail(typed))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == detail(FORMATTED)


@pytest.mark.parametrize(
    "code", [UNKNOWN, "ABCDEFGHJKMN", "hello", "K7M2-QX9P-4RT0", "K7M2-QX9P-4RTWX"]
)
def test_unknown_and_malformed_codes_get_the_same_not_found(
    client, firm_certification, code
):
    response = client.get(detail(code))
    assert response.status_code == HTTPStatus.NOT_FOUND
    with translation.override("en"):
        expected = escape(str(NOT_FOUND_MESSAGE))
    assert message_shown(response.content.decode()) == expected
    assert 'id="verification-result"' not in response.content.decode()


def test_a_typed_code_is_echoed_escaped(client):
    response = client.get(detail('"><script>alert(1)<'))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "<script>alert(1)" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;" in response.content.decode()


def test_the_form_redirects_to_the_codes_page(client, firm_certification):
    assert client.get(reverse("verify:form")).status_code == HTTPStatus.OK
    response = client.get(reverse("verify:form"), {"code": " k7m2 qx9p-4rtw "})
    assert response.status_code == HTTPStatus.FOUND
    response = client.get(
        reverse("verify:form"), {"code": " k7m2 qx9p-4rtw "}, follow=True
    )
    assert response.redirect_chain[-1] == (detail(FORMATTED), HTTPStatus.FOUND)
    assert response.status_code == HTTPStatus.OK
    assert 'id="verification-status">Valid' in response.content.decode()


def test_the_form_with_a_malformed_or_empty_code(client):
    response = client.get(reverse("verify:form"), {"code": "0000"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    with translation.override("en"):
        expected = escape(str(NOT_FOUND_MESSAGE))
    assert message_shown(response.content.decode()) == expected
    response = client.get(reverse("verify:form"), {"code": ""})
    assert response.status_code == HTTPStatus.BAD_REQUEST


# --- Guessing codes ---------------------------------------------------------------


@pytest.fixture
def three_misses(settings):
    settings.VERIFY_MISS_RATE = "3/h"


def test_too_many_misses_are_refused_but_a_valid_code_is_still_answered(
    client, three_misses, firm_certification
):
    for _ in range(3):
        assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.NOT_FOUND
    response = client.get(detail(UNKNOWN))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    with translation.override("en"):
        expected = escape(str(TOO_MANY_MESSAGE))
    assert message_shown(response.content.decode()) == expected
    assert 'id="verification-result"' not in response.content.decode()
    # Whoever holds a real certificate gets its page, blocked or not.
    response = client.get(detail(FORMATTED))
    assert response.status_code == HTTPStatus.OK
    assert 'id="verification-status">Valid' in response.content.decode()
    assert message_shown(response.content.decode()) == ""
    assert client.get(badge(FORMATTED)).status_code == HTTPStatus.OK
    # Another address is not affected.
    other = client.get(detail(UNKNOWN), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == HTTPStatus.NOT_FOUND


def test_behind_a_trusted_proxy_misses_count_per_forwarded_client(
    client, three_misses, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    balancer = {"REMOTE_ADDR": "10.0.0.1"}

    def miss(client_address, forged=""):
        forwarded = f"{forged}, {client_address}" if forged else client_address
        return client.get(
            detail(UNKNOWN), HTTP_X_FORWARDED_FOR=forwarded, **balancer
        ).status_code

    for _ in range(3):
        assert miss("203.0.113.7") == HTTPStatus.NOT_FOUND
    assert miss("203.0.113.7") == HTTPStatus.TOO_MANY_REQUESTS
    # Everyone else behind the same load balancer still verifies.
    assert miss("198.51.100.20") == HTTPStatus.NOT_FOUND
    # A client cannot escape its counter by writing its own X-Forwarded-For:
    # only the entry the trusted proxy appended counts.
    assert miss("203.0.113.7", forged="192.0.2.99") == HTTPStatus.TOO_MANY_REQUESTS


def test_without_trusted_proxies_the_forwarded_header_is_ignored(
    client, three_misses, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(3):
        response = client.get(detail(UNKNOWN), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        assert response.status_code == HTTPStatus.NOT_FOUND
    response = client.get(detail(UNKNOWN), HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_misses_are_counted_in_the_rate_limit_store_not_the_content_cache(
    client, three_misses
):
    from django.core.cache import cache

    for _ in range(3):
        client.get(detail(UNKNOWN))
    # Emptying the content cache (a publish, an eviction) does not lift the block.
    cache.clear()
    assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_malformed_codes_and_the_form_count_as_misses(
    client, three_misses, firm_certification
):
    assert client.get(detail("hello")).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("verify:form"), {"code": "nope"}).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(detail("ABCDEFGHJKMP")).status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )
    assert client.get(detail(FORMATTED)).status_code == HTTPStatus.OK


def test_a_found_code_never_counts_as_a_miss(
    client, three_misses, firm_certification, kursbevis
):
    for _ in range(5):
        assert client.get(detail(FORMATTED)).status_code == HTTPStatus.OK
        assert client.get(detail("k7m2qx9p4rtw")).status_code == HTTPStatus.FOUND
        assert client.get(badge(FORMATTED)).status_code == HTTPStatus.OK
    for _ in range(3):
        assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.TOO_MANY_REQUESTS


# --- The Open Badge -------------------------------------------------------------


def test_the_badge_is_json_ld_naming_the_firm(client, firm_certification, enrolment):
    response = client.get(badge(FORMATTED))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    credential = response.json()
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["id"] == f"http://testserver{badge(FORMATTED)}"
    identifiers = credential["credentialSubject"]["identifier"]
    assert identifiers[0]["identityHash"] == enrolment.firm.name
    assert identifiers[0]["identityType"] == "name"
    assert identifiers[1]["identityHash"] == enrolment.firm.org_number
    assert credential["validUntil"] == (
        f"{firm_certification.valid_until.isoformat()}T23:59:59Z"
    )
    for person in enrolment.participants.all():
        assert person.email not in response.content.decode()


def test_the_badge_of_a_kursbevis_names_the_holder(client, kursbevis):
    response = client.get(badge("H3JN-8CWZ-5PMA"))
    assert response.status_code == HTTPStatus.OK
    subject = response.json()["credentialSubject"]
    assert subject["identifier"] == [
        {
            "type": "IdentityObject",
            "identityHash": kursbevis.holder_name,
            "identityType": "name",
            "hashed": False,
        }
    ]
    assert "validUntil" not in response.json()


def test_an_unknown_badge_is_404(client):
    assert client.get(badge(UNKNOWN)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(badge("hello")).status_code == HTTPStatus.NOT_FOUND


def test_the_page_links_to_the_badge(client, firm_certification):
    page = client.get(detail(FORMATTED)).content.decode()
    assert f'href="{badge(FORMATTED)}"' in page


def test_no_login_is_needed(client, firm_certification):
    user = UserFactory()
    assert client.get(detail(FORMATTED)).status_code == HTTPStatus.OK
    client.force_login(user)
    assert client.get(detail(FORMATTED)).status_code == HTTPStatus.OK


def test_badge_misses_count_and_are_refused_too(
    client, three_misses, firm_certification
):
    for _ in range(3):
        assert client.get(badge(UNKNOWN)).status_code == HTTPStatus.NOT_FOUND
    # Else the badge would answer "found" or "not found" without a limit.
    assert client.get(badge(UNKNOWN)).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert client.get(detail(UNKNOWN)).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert client.get(badge(FORMATTED)).status_code == HTTPStatus.OK


def test_the_badge_of_a_revoked_certification_is_gone_with_the_date(client, enrolment):
    certification = with_code(cf.revoked(enrolment=enrolment), CODE)
    revoked_on = timezone.localtime(certification.revoked_at).date()

    response = client.get(badge(FORMATTED))

    assert response.status_code == HTTPStatus.GONE
    assert response.json() == {
        "status": "revoked",
        "revoked_on": revoked_on.isoformat(),
        "verify_url": f"http://testserver{detail(FORMATTED)}",
    }
    assert cf.REVOKED_REASON not in response.content.decode()
