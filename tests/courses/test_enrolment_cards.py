"""The run catalogue's cards: "Apply" only where the firm is not in the run yet,
one labelled form per card, and a contact of several firms applies for each."""

from http import HTTPStatus

from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from courses.forms.enrolment import CHOOSE_YOUR_FIRM_MESSAGE
from courses.models import Enrolment, EnrolmentStatus
from courses.services import enrolment as services
from lms.accounts import services as accounts

from ..accounts.factories import FirmFactory
from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db


def _catalogue(client):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("courses:run_catalogue"))
    assert response.status_code == HTTPStatus.OK
    return BeautifulSoup(response.content.decode(), "html.parser")


def _card(soup, run):
    return soup.find(id=f"run-card-{run.pk}")


def test_every_firm_list_has_its_own_id_and_label(client, firm, contact):
    runs = [factories.run(), factories.run()]
    client.force_login(contact)
    soup = _catalogue(client)
    selects = soup.find_all("select")
    assert len(selects) == 2
    ids = [select["id"] for select in selects]
    assert ids == [f"id_run-{run.pk}-firm" for run in runs]
    for select in selects:
        labels = soup.find_all("label", attrs={"for": select["id"]})
        assert len(labels) == 1
        assert labels[0].get_text(strip=True).startswith("Apply for the firm")
    assert len(set(ids)) == len(ids)


def test_apply_is_not_offered_for_a_run_the_firm_is_in(client, firm, contact):
    applied, accepted, declined, open_run = (factories.run() for _ in range(4))
    services.enrolment_apply(run=applied, firm=firm, by=contact)
    factories.enrolment(run_=accepted, firm=firm)
    services.enrolment_decline(
        enrolment=services.enrolment_apply(run=declined, firm=firm, by=contact),
        by=declined.leaders.get(),
    )
    client.force_login(contact)
    soup = _catalogue(client)
    for run, status in (
        (applied, "applied, waiting for the course leader's answer"),
        (accepted, "accepted"),
        (declined, "declined by the course leader"),
    ):
        card = _card(soup, run)
        assert card.find("form") is None, run.title
        text = " ".join(card.get_text(" ", strip=True).split())
        assert f"{firm.name}: {status}" in text
    assert _card(soup, open_run).find("form") is not None


def test_contact_of_two_firms_applies_for_each(client, firm, contact):
    second = FirmFactory(name="Andre bedrift AS")
    accounts.membership_add(firm=second, user=contact, is_contact=True)
    run = factories.run()
    client.force_login(contact)
    field = f"run-{run.pk}-firm"

    options = _card(_catalogue(client), run).find("select").find_all("option")
    assert {option["value"] for option in options} == {str(firm.pk), str(second.pk)}

    response = client.post(
        reverse("courses:run_apply", args=[run.pk]), {field: firm.pk}
    )
    assert response.status_code == HTTPStatus.FOUND
    card = _card(_catalogue(client), run)
    options = card.find("select").find_all("option")
    assert [option["value"] for option in options] == [str(second.pk)]
    assert firm.name in card.get_text()

    client.post(reverse("courses:run_apply", args=[run.pk]), {field: second.pk})
    assert set(Enrolment.objects.filter(run=run).values_list("firm_id", "status")) == {
        (firm.pk, EnrolmentStatus.APPLIED),
        (second.pk, EnrolmentStatus.APPLIED),
    }
    assert _card(_catalogue(client), run).find("form") is None


def test_a_firm_the_contact_does_not_answer_for_is_refused_with_a_message(
    client, firm, contact
):
    run = factories.run()
    other = FirmFactory()
    client.force_login(contact)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("courses:run_apply", args=[run.pk]),
        {f"run-{run.pk}-firm": other.pk},
        follow=True,
    )
    with translation.override("en"):
        assert_shows_message(response, CHOOSE_YOUR_FIRM_MESSAGE)
    assert not Enrolment.objects.exists()


def test_a_visitor_sees_no_form(client):
    run = factories.run()
    card = _card(_catalogue(client), run)
    assert card.find("form") is None
    assert card.find("a", href=lambda href: href and "/accounts/login/" in href)
