"""The panel's decisions in the admin: approve, new version, retire — by
programme owners only, POST only, with a clear message when refused."""

from http import HTTPStatus

from django.urls import reverse

import pytest

from lms.accounts import services
from lms.accounts.roles import Role
from tests.accounts.factories import UserFactory
from validation.models import Unit, UnitStatus
from validation.services.units import unit_approve

from .test_units import make_unit

pytestmark = pytest.mark.django_db


def url(decision, unit):
    return reverse(f"validation_unit_{decision}", args=[unit.pk])


def test_the_panel_approves_with_a_note(client, owner):
    unit = make_unit()
    client.force_login(owner)
    page = client.get(url("approve", unit))
    assert page.status_code == HTTPStatus.OK
    assert 'name="note"' in page.content.decode()
    unit.refresh_from_db()
    assert unit.status == UnitStatus.DRAFT  # a GET decides nothing

    response = client.post(url("approve", unit), {"note": "Panelmøte 4. mai"})
    assert response.status_code == HTTPStatus.FOUND
    unit.refresh_from_db()
    assert unit.status == UnitStatus.APPROVED
    assert (unit.approved_by, unit.approval_note) == (owner, "Panelmøte 4. mai")


def test_an_incomplete_draft_is_refused_with_a_message(client, owner):
    unit = make_unit(outcomes=())
    client.force_login(owner)
    response = client.post(url("approve", unit), {"note": ""}, follow=True)
    assert response.status_code == HTTPStatus.OK
    messages = [str(m) for m in response.context["messages"]]
    assert any("learning outcomes" in m or "læringsutbytter" in m for m in messages)
    unit.refresh_from_db()
    assert unit.status == UnitStatus.DRAFT


def test_a_new_version_opens_its_draft_and_retiring_retires(client, owner):
    unit = unit_approve(unit=make_unit(), by=owner)
    client.force_login(owner)
    response = client.post(url("new_version", unit))
    draft = Unit.objects.get(code=unit.code, version=2)
    assert response["Location"] == reverse(
        "wagtailsnippets_validation_unit:edit", args=[draft.pk]
    )
    client.post(url("retire", unit))
    unit.refresh_from_db()
    assert unit.status == UnitStatus.RETIRED


@pytest.mark.parametrize("role", [None, Role.EDITOR, Role.ASSESSOR])
def test_others_are_refused_and_nothing_changes(client, role):
    person = UserFactory()
    if role is not None:
        services.role_grant(user=person, role=role)
    unit = make_unit()
    client.force_login(person)
    for decision in ("approve", "new_version", "retire"):
        assert client.post(url(decision, unit)).status_code in (
            HTTPStatus.FORBIDDEN,
            HTTPStatus.FOUND,
        )
    unit.refresh_from_db()
    assert unit.status == UnitStatus.DRAFT
    assert Unit.objects.count() == 1


def test_the_list_offers_the_decisions_of_each_status(client, owner):
    draft = make_unit(code="AM-10")
    approved = unit_approve(unit=make_unit(code="AM-11"), by=owner)
    client.force_login(owner)
    html = client.get(reverse("wagtailsnippets_validation_unit:list")).content.decode()
    assert url("approve", draft) in html
    assert url("new_version", approved) in html
    assert url("retire", approved) in html
    assert url("approve", approved) not in html
