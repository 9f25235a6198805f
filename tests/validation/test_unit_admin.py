"""Units and pathways in Wagtail's admin: programme owners edit drafts (outcomes
with their criteria, nested), an approved unit cannot be changed there, and
people without the role cannot open the editor."""

from http import HTTPStatus

from django.urls import reverse

import pytest

from validation.models import AssessmentCriterion, Unit, UnitStatus
from validation.services.units import unit_approve

from .test_units import make_unit

pytestmark = pytest.mark.django_db


def edit_url(unit):
    return reverse("wagtailsnippets_validation_unit:edit", args=[unit.pk])


def form_data(unit, *, title, criterion):
    outcome = unit.outcomes.get()
    crit = outcome.criteria.get()
    return {
        "code": unit.code,
        "title": title,
        "level": unit.level,
        "credits": unit.credits,
        "review_date": "",
        "purpose": "",
        "suggested_evidence": "",
        "outcomes-TOTAL_FORMS": "1",
        "outcomes-INITIAL_FORMS": "1",
        "outcomes-MIN_NUM_FORMS": "1",
        "outcomes-MAX_NUM_FORMS": "1000",
        "outcomes-0-id": outcome.pk,
        "outcomes-0-number": "1",
        "outcomes-0-text": outcome.text,
        "outcomes-0-DELETE": "",
        "outcomes-0-criteria-TOTAL_FORMS": "1",
        "outcomes-0-criteria-INITIAL_FORMS": "1",
        "outcomes-0-criteria-MIN_NUM_FORMS": "1",
        "outcomes-0-criteria-MAX_NUM_FORMS": "1000",
        "outcomes-0-criteria-0-id": crit.pk,
        "outcomes-0-criteria-0-number": "1",
        "outcomes-0-criteria-0-text": criterion,
        "outcomes-0-criteria-0-DELETE": "",
    }


def test_a_programme_owner_edits_a_draft_with_its_criteria(client, owner):
    unit = make_unit(outcomes=(("gammel",),))
    client.force_login(owner)
    assert client.get(edit_url(unit)).status_code == HTTPStatus.OK
    response = client.post(
        edit_url(unit), form_data(unit, title="Ny tittel", criterion="ny tekst")
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    unit.refresh_from_db()
    assert unit.title == "Ny tittel"
    assert AssessmentCriterion.objects.get(outcome__unit=unit).text == "ny tekst"


def test_an_approved_unit_is_not_changed_in_the_editor(client, owner):
    unit = unit_approve(unit=make_unit(outcomes=(("gammel",),)), by=owner)
    client.force_login(owner)
    response = client.post(
        edit_url(unit), form_data(unit, title="Ny tittel", criterion="ny tekst")
    )
    assert response.status_code == HTTPStatus.OK
    assert "new version" in response.content.decode() or "ny versjon" in (
        response.content.decode()
    )
    unit.refresh_from_db()
    assert unit.title == "Mentor"
    assert unit.status == UnitStatus.APPROVED
    assert AssessmentCriterion.objects.get(outcome__unit=unit).text == "gammel"


def test_people_without_the_role_cannot_open_the_editor(client, member):
    unit = make_unit()
    client.force_login(member)
    response = client.get(edit_url(unit))
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert Unit.objects.get(pk=unit.pk).title == "Mentor"
