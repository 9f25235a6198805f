import pytest

from lms.accounts import services
from lms.accounts.roles import Role
from tests.accounts.factories import UserFactory
from validation.models import Level
from validation.services.units import unit_approve, unit_create_draft


@pytest.fixture
def owner(db):
    """A programme owner: the panel that approves units."""
    person = UserFactory()
    services.role_grant(user=person, role=Role.PROGRAMME_OWNER)
    return person


@pytest.fixture(autouse=True)
def evidence_in_tmp(settings, tmp_path, monkeypatch):
    """Evidence files of every test go to a folder of its own."""
    from django.core.files.storage import storages

    from validation.models import Evidence

    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "evidence", "base_url": None},
        },
    }
    # A FileField calls its storage callable once, when the model is defined:
    # give the field the storage the setting now names.
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", storages["evidence"]
    )
    return tmp_path / "evidence"


def person_with(*roles):
    person = UserFactory()
    for role in roles:
        services.role_grant(user=person, role=role)
    return person


@pytest.fixture
def candidate(db):
    return person_with(Role.CANDIDATE)


@pytest.fixture
def assessor(db):
    return person_with(Role.ASSESSOR)


@pytest.fixture
def verifier(db):
    return person_with(Role.INTERNAL_VERIFIER)


@pytest.fixture
def moderator(db):
    return person_with(Role.EXTERNAL_MODERATOR)


def approved_unit(*, by, code="AM-90", outcomes=2, criteria=2):
    unit = unit_create_draft(
        code=code,
        title="Følge opp en ny kollega",
        level=Level.TWO,
        credits=3,
        outcomes=[
            (
                o,
                f"Utfall {o}",
                [(c, f"Kriterium {o}.{c}") for c in range(1, criteria + 1)],
            )
            for o in range(1, outcomes + 1)
        ],
    )
    return unit_approve(unit=unit, by=by, note="Panel")


@pytest.fixture
def unit(owner):
    """An approved unit: two outcomes with two criteria each (1.1 … 2.2)."""
    return approved_unit(by=owner)
