"""Organisation numbers read as people write them, "914 035 171", on every page
(and in the CSV a person opens), never as nine digits in a row."""

import re

from django.urls import reverse

import pytest

from cms.models import FirmRegistryPage
from cms.site import ensure_home_page

from ..cms import factories as cms_factories
from . import certification_factories, factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified():
    certification = certification_factories.certification()
    return certification, certification.enrolment.firm


def _spaced(number: str) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:]}"


def _assert_spaced(text: str, number: str):
    assert _spaced(number) in text
    # The nine digits in a row appear nowhere a person reads them (addresses
    # and form values may hold them).
    visible = re.sub(r'(href|action|value|src)="[^"]*"', "", text)
    assert number not in visible


def test_firm_pages_show_the_spaced_number(client, certified):
    certification, firm = certified
    contact = certification.enrolment.contact
    client.force_login(contact)
    for name in ("accounts:firm_detail", "accounts:firm_edit"):
        response = client.get(reverse(name, kwargs={"org_number": firm.org_number}))
        assert response.status_code == 200, name
        _assert_spaced(response.content.decode(), firm.org_number)


def test_registry_and_public_firm_page_show_the_spaced_number(client, certified):
    _certification, firm = certified
    registry = cms_factories.publish(
        ensure_home_page(),
        FirmRegistryPage(title="Sertifiserte bedrifter", slug="sertifiserte-bedrifter"),
    )
    _assert_spaced(client.get(registry.url).content.decode(), firm.org_number)
    response = client.get(f"{registry.url}{firm.org_number}/")
    assert response.status_code == 200
    _assert_spaced(response.content.decode(), firm.org_number)


def test_verify_page_shows_the_spaced_number(client, certified):
    certification, firm = certified
    response = client.get(
        reverse("verify:detail", kwargs={"code": certification.formatted_code})
    )
    assert response.status_code == 200
    _assert_spaced(response.content.decode(), firm.org_number)


def test_run_overview_csv_has_the_spaced_number(client):
    run = factories.run()
    enrolment = factories.enrolment(run_=run)
    client.force_login(run.leaders.get())
    response = client.get(reverse("courses:run_overview_csv", args=[run.pk]))
    text = response.content.decode("utf-8-sig")
    assert _spaced(enrolment.firm.org_number) in text
    assert enrolment.firm.org_number not in text
