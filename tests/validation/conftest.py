import pytest

from lms.accounts import services
from lms.accounts.roles import Role
from tests.accounts.factories import UserFactory


@pytest.fixture
def owner(db):
    """A programme owner: the panel that approves units."""
    person = UserFactory()
    services.role_grant(user=person, role=Role.PROGRAMME_OWNER)
    return person
