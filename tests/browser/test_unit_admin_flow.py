"""The panel approves a unit in Wagtail's admin: the list offers the decision,
the confirm page asks first, and the unit is approved with who and when kept.
axe-core on the listing and the confirm page."""

from django.urls import reverse

import pytest

from lms.accounts import services as accounts
from lms.accounts.roles import Role
from validation.models import Unit, UnitStatus
from validation.services.units import unit_create_draft

from ..accounts.factories import UserFactory
from .conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_programme_owner_approves_a_draft_unit(page):
    owner = UserFactory()
    accounts.role_grant(user=owner, role=Role.PROGRAMME_OWNER)
    unit = unit_create_draft(
        code="AM-77",
        title="Samarbeide med NAV",
        level="2",
        credits=2,
        outcomes=[(1, "Kan samarbeide", [(1, "Beskriver roller"), (2, "Avtaler")])],
    )
    log_in(page, owner.email)
    page.goto(reverse("wagtailsnippets_validation_unit:list"))
    assert_accessible(page)
    page.locator(
        f"a[href='{reverse('validation_unit_approve', args=[unit.pk])}']"
    ).first.click()
    page.wait_for_url(f"**{reverse('validation_unit_approve', args=[unit.pk])}")
    assert_accessible(page)
    page.locator("textarea[name=note], input[name=note]").fill("Panelmøte 2. des.")
    page.get_by_role("button", name="Godkjenn", exact=True).click()
    page.wait_for_url(lambda url: "/approve" not in url and "godkjenn" not in url)
    unit = Unit.objects.get(pk=unit.pk)
    assert unit.status == UnitStatus.APPROVED
    assert (unit.approved_by, unit.approval_note) == (owner, "Panelmøte 2. des.")
