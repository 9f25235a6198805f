import pytest

from lms.accounts.roles import Role

from .factories import evidence_storage_in, person, unit_approved


@pytest.fixture
def owner(db):
    """A programme owner: the panel that approves units."""
    return person(Role.PROGRAMME_OWNER)


@pytest.fixture(autouse=True)
def evidence_in_tmp(settings, tmp_path, monkeypatch):
    """Evidence files of every test go to a folder of its own."""
    return evidence_storage_in(
        tmp_path / "evidence", settings=settings, monkeypatch=monkeypatch
    )


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
