import pytest

from lms.accounts import services
from lms.accounts.roles import Role

from .accounts.factories import FirmFactory, UserFactory


@pytest.fixture
def firm(db):
    return FirmFactory()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def member(firm):
    """A participant: member of `firm`, not its contact."""
    person = UserFactory()
    services.membership_add(firm=firm, user=person)
    return person


@pytest.fixture
def contact(firm):
    """The firm contact of `firm`."""
    person = UserFactory()
    services.membership_add(firm=firm, user=person, is_contact=True)
    return person


@pytest.fixture
def course_leader(db):
    person = UserFactory()
    services.role_grant(user=person, role=Role.COURSE_LEADER)
    return person


@pytest.fixture
def administrator(db):
    person = UserFactory()
    services.role_grant(user=person, role=Role.ADMINISTRATOR)
    return person


@pytest.fixture(scope="session", autouse=True)
def _page_tree(django_db_setup, django_db_blocker):
    """A reused test database may have been flushed by browser tests; restore it."""
    from cms.site import ensure_home_page

    with django_db_blocker.unblock():
        ensure_home_page()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached menus and page addresses must not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
