"""`seed_demo` gives the dashboard and the public figures four years of reports,
spread over municipalities, and leaves the demo firm's follow-up for kontakt@."""

from django.core.management import call_command
from django.db.models import F, Sum
from django.utils import timezone

import pytest

from courses.demo import PAST_RUN_TITLE
from courses.models import CertificateStatus, Certification, FollowUpReport
from lms.accounts.demo import DEMO_FIRM_ORG_NUMBER, DEMO_PEOPLE, demo_email
from lms.accounts.models import User
from results import demo
from results.categories import ARRANGEMENT_FIELDS, ENDED_FIELDS, TARGET_GROUP_FIELDS
from results.models import FollowUpFigures

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    """The demo apps results builds on, then the results demo (the validation
    demo adds nothing here and takes long)."""
    from cms import demo as cms_demo
    from courses import demo as courses_demo
    from lms.accounts import demo as accounts_demo

    for module in (accounts_demo, cms_demo, courses_demo, demo):
        module.seed()


def test_seed_demo_files_every_report_once_with_its_figures():
    call_command("seed_demo", verbosity=0)
    reports = FollowUpReport.objects.count()
    assert reports == 19  # the pilot's 4 firms × 3 years + 7 of the first cohort
    assert FollowUpFigures.objects.count() == reports
    assert demo.seed() == {"reports": 0}
    assert FollowUpReport.objects.count() == reports
    # Every report is what the services make: figures that add up, the
    # reporting year of the period it was filed for.
    for figures in FollowUpFigures.objects.select_related("report"):
        assert figures.taken_in == sum(
            getattr(figures, name) for name in ARRANGEMENT_FIELDS
        )
        assert all(
            getattr(figures, name) <= figures.taken_in for name in TARGET_GROUP_FIELDS
        )
        assert figures.measures.exists()
        # Where people went when a placement ended: within those taken in.
        assert sum(getattr(figures, name) for name in ENDED_FIELDS) <= (
            figures.taken_in
        )
    assert FollowUpFigures.objects.aggregate(total=Sum("ended_employed"))["total"]


def test_demo_figures_span_four_years_and_five_municipalities(seeded):
    rows = FollowUpFigures.objects.values(
        "year", municipality=F("report__certification__enrolment__firm__municipality")
    ).annotate(total=Sum("taken_in"))
    totals = {(row["year"], row["municipality"]): row["total"] for row in rows}
    this_year = timezone.localdate().year
    years = sorted({year for year, _municipality in totals})
    assert len(years) == 4 and years[-1] >= this_year - 1
    assert {m for _year, m in totals} == {"Asker", "Bærum", "Drammen", "Hole", "Lier"}
    # The public page shows "*" for some cells and numbers for others.
    assert any(1 <= total <= 3 for total in totals.values())
    assert any(total >= 4 for total in totals.values())


def test_two_accounts_are_published_and_no_account_names_a_person(seeded):
    published = FollowUpFigures.objects.filter(publish_account=True)
    assert published.count() == 2
    names = {
        part for _role, _local, first, last in DEMO_PEOPLE for part in (first, last)
    }
    for report in FollowUpReport.objects.all():
        assert report.narrative
        assert not any(name in report.narrative for name in names), report.narrative


def test_the_demo_firms_follow_up_is_due_and_kontakt_may_file_it(seeded):
    certification = Certification.objects.get(
        enrolment__firm__org_number=DEMO_FIRM_ORG_NUMBER
    )
    assert not certification.follow_ups.exists()
    days_left = (certification.valid_until - timezone.localdate()).days
    assert 0 < days_left <= 90
    contact = User.objects.get(email=demo_email("kontakt"))
    assert contact.has_perm("results.file_follow_up", certification)
    owner = User.objects.get(email=demo_email("programeier"))
    assert owner.has_perm("results.view_dashboard")


def test_the_pilot_lapsed_before_its_firms_took_the_course_again(seeded):
    pilot = Certification.objects.filter(enrolment__run__title=demo.PILOT_RUN_TITLE)
    assert pilot.count() == 4
    assert {c.status for c in pilot} == {CertificateStatus.EXPIRED}
    for old in pilot.select_related("enrolment"):
        again = Certification.objects.get(
            enrolment__firm=old.enrolment.firm_id,
            enrolment__run__title=PAST_RUN_TITLE,
        )
        assert old.valid_until < again.issued_on
        assert old.follow_ups.count() == 3
