"""The dashboard and the public figures cost the same number of queries with
2,000 firms × 5 years of follow-up reports (and two placements each) as with
20 firms × 1 year and no placement: every table is aggregated in the database,
never a loop over firms, years or placements."""

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from bench.data import follow_up_history
from courses.models import Certification
from lms.accounts import services as accounts
from lms.accounts.models import Firm
from lms.accounts.roles import Role
from placements.models import Placement
from results.models import FollowUpFigures

from ..courses import factories
from ..courses.certification_factories import bulk_certified_firms
from .factories import bulk_placements

pytestmark = pytest.mark.django_db


def _firms_with_reports(*, firms: int, years: int, start: int = 0):
    run = factories.run(starts_in_days=-400)
    bulk_certified_firms(count=firms, run_=run, start=start)
    certifications = list(Certification.objects.filter(enrolment__run=run))
    follow_up_history(certifications=certifications, years=years)
    return certifications


def _queries(client, url) -> int:
    """The queries of the page on empty caches (after one request that fills
    what a process keeps for good, such as the content types)."""
    client.get(url)
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def programme_owner(db):
    user = accounts.user_create(email="eier@example.no", password="x" * 12)
    accounts.role_grant(user=user, role=Role.PROGRAMME_OWNER)
    return user


def test_dashboard_and_public_figures_make_as_many_queries_for_2000_firms(
    client, programme_owner
):
    public = reverse("results:public")
    dashboard = reverse("results:dashboard")
    first_twenty = _firms_with_reports(firms=20, years=1)
    small_public = _queries(client, public)
    client.force_login(programme_owner)
    small_dashboard = _queries(client, dashboard)
    client.logout()

    # The same 20 firms' four earlier years, and 1,980 more firms × 5 years.
    follow_up_history(certifications=first_twenty, years=5, skip_latest=1)
    _firms_with_reports(firms=1980, years=5, start=20)
    bulk_placements(list(Firm.objects.all()), first_year=2020)
    assert FollowUpFigures.objects.count() == 2000 * 5
    assert Placement.objects.count() == 2 * Firm.objects.count()
    assert FollowUpFigures.objects.values("year").distinct().count() >= 5

    assert _queries(client, public) == small_public
    client.force_login(programme_owner)
    assert _queries(client, dashboard) == small_dashboard
