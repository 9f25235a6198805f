from http import HTTPStatus

from django.urls import reverse

import pytest

from lms.accounts import services
from lms.accounts.models import Firm, Industry
from lms.accounts.validators import ORG_NUMBER_CHECKSUM_MESSAGE

from .factories import FirmFactory, UserFactory

pytestmark = pytest.mark.django_db


def firm_url(firm, name="accounts:firm_detail"):
    return reverse(name, args=[firm.org_number])


def test_member_sees_own_firm_and_colleagues(client, firm, member, contact):
    client.force_login(member)
    response = client.get(firm_url(firm))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert firm.name in page
    assert contact.get_full_name() in page
    assert "Invite" not in page and "invitations/" not in page


def test_other_firms_page_is_forbidden_and_leaks_nothing(client, firm, member):
    other = FirmFactory(name="Hemmelig Konkurrent AS")
    secret_person = UserFactory(first_name="Hemmelig", last_name="Person")
    services.membership_add(firm=other, user=secret_person)
    client.force_login(member)
    response = client.get(firm_url(other))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Hemmelig" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(client, firm):
    response = client.get(firm_url(firm))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_firm_is_404(client, member):
    client.force_login(member)
    assert client.get("/accounts/firms/999999999/").status_code == HTTPStatus.NOT_FOUND


def test_contact_edits_the_firm_profile(client, firm, contact):
    client.force_login(contact)
    response = client.post(
        firm_url(firm, "accounts:firm_edit"),
        {
            "name": "Nytt Navn AS",
            "municipality": "Bærum",
            "industry": Industry.HOSPITALITY,
            "size_band": "10-19",
            "public_description": "Vi tar inn lærlinger.",
            "website": "nyttnavn.no",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    firm.refresh_from_db()
    assert firm.name == "Nytt Navn AS"
    assert firm.municipality == "Bærum"
    assert firm.website == "https://nyttnavn.no"


def test_bad_firm_edit_saves_nothing(client, firm, contact):
    client.force_login(contact)
    before = Firm.objects.values().get(pk=firm.pk)
    response = client.post(
        firm_url(firm, "accounts:firm_edit"),
        {"name": "", "municipality": "Asker", "industry": "X", "size_band": "1-4"},
    )
    assert response.status_code == HTTPStatus.OK
    assert Firm.objects.values().get(pk=firm.pk) == before


def test_participant_cannot_edit_the_firm(client, firm, member):
    client.force_login(member)
    response = client.post(firm_url(firm, "accounts:firm_edit"), {"name": "Hacked"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    firm.refresh_from_db()
    assert firm.name != "Hacked"


def test_firm_with_bad_org_number_is_refused_by_the_service(db):
    with pytest.raises(services.ValidationError) as excinfo:
        services.firm_create(
            name="Feil AS",
            org_number="914035172",
            municipality="Asker",
            industry=Industry.TRADE,
            size_band="1-4",
        )
    assert excinfo.value.message_dict["org_number"] == [
        str(ORG_NUMBER_CHECKSUM_MESSAGE)
    ]
    assert not Firm.objects.filter(name="Feil AS").exists()


def test_database_refuses_org_number_that_is_not_nine_digits(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Firm.objects.create(
            name="Rå AS",
            org_number="12345",
            municipality="Asker",
            industry=Industry.TRADE,
            size_band="1-4",
        )


def test_profile_page_saves_details_and_lists_firms(client, firm, member):
    client.force_login(member)
    response = client.get(reverse("accounts:profile"))
    assert firm.name in response.content.decode()
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Kari", "last_name": "Nordmann", "language": "en"},
    )
    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.language) == (
        "Kari",
        "Nordmann",
        "en",
    )


def test_profile_with_unknown_language_saves_nothing(client, member):
    client.force_login(member)
    before = (member.first_name, member.last_name, member.language)
    # A name the factory never gives (it may well give "Kari").
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Ikke-lagret", "last_name": "Navnesen", "language": "xx"},
    )
    assert response.status_code == HTTPStatus.OK
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.language) == before


def test_firm_page_shows_bad_org_number_message_in_norwegian_by_default(client, db):
    # The form-level message a firm contact would see, in the default language.
    from django import forms

    class OrgForm(forms.ModelForm):
        class Meta:
            model = Firm
            fields = ["org_number"]

    from django.utils import translation

    with translation.override("nb"):
        form = OrgForm({"org_number": "914035172"})
        assert not form.is_valid()
        error = form.errors["org_number"][0]
    assert "kontrollsifferet" in error.lower()
