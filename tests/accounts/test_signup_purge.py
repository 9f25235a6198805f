"""Expired sign-ups are deleted; live links keep working."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from lms.accounts.models import FirmSignup
from lms.accounts.signup import services as signup

from .factories import valid_org_number

pytestmark = pytest.mark.django_db


def make_signup(*, email: str, hours_left: float, confirmed: bool = False):
    now = timezone.now()
    return FirmSignup.objects.create(
        email=email,
        first_name="Kari",
        last_name="Nordmann",
        language="nb",
        password_hash="x",
        org_number=valid_org_number(len(email)),
        firm_name="Bakeri AS",
        municipality="Asker",
        industry="C",
        size_band="1-4",
        token_hash=email.ljust(64, "0")[:64],
        created_at=now - timedelta(hours=48),
        expires_at=now + timedelta(hours=hours_left),
        confirmed_at=now - timedelta(hours=1) if confirmed else None,
    )


def test_only_sign_ups_whose_link_has_expired_are_deleted():
    live = make_signup(email="live@example.org", hours_left=2)
    make_signup(email="old@example.org", hours_left=-1)
    make_signup(email="used@example.org", hours_left=-3, confirmed=True)

    assert signup.signups_purge_expired() == 2
    assert list(FirmSignup.objects.values_list("pk", flat=True)) == [live.pk]


def test_the_command_reports_what_it_deleted():
    make_signup(email="old@example.org", hours_left=-1)
    out = StringIO()
    call_command("purge_expired_signups", stdout=out)
    assert out.getvalue().strip() == "Deleted 1 expired sign-up(s)."
    assert not FirmSignup.objects.exists()
