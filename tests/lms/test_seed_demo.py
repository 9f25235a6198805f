from django.core.management import call_command

import pytest

from lms.accounts.demo import DEMO_FIRMS, DEMO_PASSWORD, DEMO_PEOPLE, demo_email
from lms.accounts.models import Firm, Membership, User
from lms.accounts.roles import Role
from lms.accounts.validators import is_valid_org_number

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(User.objects.values_list("email", "first_name", "is_superuser")),
        sorted(Firm.objects.values_list("org_number", "name", "municipality")),
        sorted(Membership.objects.values_list("user__email", "firm_id", "is_contact")),
    )


def test_seed_demo_creates_one_person_per_role_and_twelve_firms():
    call_command("seed_demo")
    assert Firm.objects.count() == 12
    assert all(
        is_valid_org_number(n)
        for n in Firm.objects.values_list("org_number", flat=True)
    )
    assert set(Firm.objects.values_list("municipality", flat=True)) <= {
        "Asker",
        "Bærum",
        "Lier",
        "Drammen",
        "Hole",
    }
    for role, local_part, _first, _last in DEMO_PEOPLE:
        user = User.objects.get(email=demo_email(local_part))
        assert user.check_password(DEMO_PASSWORD)
        assert user.groups.filter(name=role.value).exists(), role
    assert User.objects.filter(is_superuser=True).count() == 1
    contact = User.objects.get(email=demo_email("kontakt"))
    assert contact.memberships.get().is_contact
    assert contact.groups.filter(name=Role.FIRM_CONTACT.value).exists()


def test_seed_demo_is_idempotent_and_keeps_later_changes():
    call_command("seed_demo")
    firm = Firm.objects.get(org_number=DEMO_FIRMS[0][1])
    firm.name = "Omdøpt av redaktøren AS"
    firm.save()
    before = snapshot()
    call_command("seed_demo")
    assert snapshot() == before
    assert Firm.objects.get(pk=firm.pk).name == "Omdøpt av redaktøren AS"
