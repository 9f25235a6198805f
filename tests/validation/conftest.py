import pytest

from lms.accounts.roles import Role

from .factories import person, unit_approved


@pytest.fixture
def owner(db):
    """A programme owner: the panel that approves units."""
    return person(Role.PROGRAMME_OWNER)


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


@pytest.fixture
def candidate(db):
    return person(Role.CANDIDATE)


@pytest.fixture
def assessor(db):
    return person(Role.ASSESSOR, first_name="Ada", last_name="Assessor")


@pytest.fixture
def verifier(db):
    return person(Role.INTERNAL_VERIFIER, first_name="Vera", last_name="Verifier")


@pytest.fixture
def moderator(db):
    return person(Role.EXTERNAL_MODERATOR, first_name="Mo", last_name="Moderator")


@pytest.fixture
def unit(owner):
    """An approved unit: two outcomes with two criteria each (1.1 … 2.2)."""
    return unit_approved(by=owner, code="AM-90", title="Følge opp en ny kollega")
