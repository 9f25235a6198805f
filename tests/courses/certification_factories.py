"""Builders for certifications and public plans: one at a time, or thousands at once."""

import itertools
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from courses.codes import ALPHABET, LENGTH
from courses.models import (
    Certification,
    Commitment,
    Enrolment,
    EnrolmentStatus,
    InclusionPlan,
    PlanStatus,
)
from lms.accounts.models import Firm, Industry, SizeBand
from lms.accounts.validators import org_number_check_digit

from . import factories

_codes = itertools.count(1)

REVOKED_REASON = "Bedriften oppfyller ikke lenger vilkårene."


def code() -> str:
    """A fresh, valid verification code (stored form), unique within the run."""
    n = next(_codes)
    chars = []
    for _ in range(LENGTH):
        n, remainder = divmod(n, len(ALPHABET))
        chars.append(ALPHABET[remainder])
    return "".join(reversed(chars))


def org_number(n: int) -> str:
    """A valid organisation number starting with 8 (FirmFactory's start with 9);
    spaced by three, so skipping an impossible base never meets the next n."""
    base = 80_000_000 + 3 * n
    while org_number_check_digit(str(base)) is None:
        base += 1
    return f"{base}{org_number_check_digit(str(base))}"


def certification(
    *,
    enrolment: Enrolment | None = None,
    firm: Firm | None = None,
    run_=None,
    issued_on=None,
    valid_until=None,
    revoked: bool = False,
) -> Certification:
    """An active certification (issued 30 days ago, valid a year) unless told
    otherwise; makes the run and the enrolment when not given."""
    today = timezone.localdate()
    if enrolment is None:
        enrolment = factories.enrolment(run_=run_ or factories.run(), firm=firm)
    issued_on = issued_on or today - timedelta(days=30)
    return Certification.objects.create(
        enrolment=enrolment,
        holder_name=enrolment.firm.name,
        code=code(),
        issued_on=issued_on,
        valid_until=valid_until or issued_on + timedelta(days=365),
        revoked_at=timezone.now() if revoked else None,
        revoked_reason=REVOKED_REASON if revoked else "",
    )


def expired(**kwargs) -> Certification:
    """A certification whose last valid day was yesterday."""
    today = timezone.localdate()
    return certification(
        issued_on=today - timedelta(days=366),
        valid_until=today - timedelta(days=1),
        **kwargs,
    )


def revoked(**kwargs) -> Certification:
    return certification(revoked=True, **kwargs)


def plan(*, enrolment: Enrolment, commitments=()) -> InclusionPlan:
    """An approved plan with the given commitments (dicts of Commitment fields)."""
    item = InclusionPlan.objects.create(enrolment=enrolment, status=PlanStatus.APPROVED)
    due = timezone.localdate() + timedelta(days=90)
    Commitment.objects.bulk_create(
        Commitment(
            plan=item,
            position=position,
            **{"responsible": "Daglig leder", "due_date": due, **values},
        )
        for position, values in enumerate(commitments, start=1)
    )
    return item


MUNICIPALITIES = ["Asker", "Bærum", "Drammen", "Hole", "Lier"]
INDUSTRIES = [Industry.CONSTRUCTION, Industry.HOSPITALITY, Industry.TRADE]


def bulk_certified_firms(*, count: int, run_, start: int = 0) -> list[Firm]:
    """`count` firms, each with an accepted enrolment in `run_` and an active
    certification: three bulk inserts, no signals, no people."""
    today = timezone.localdate()
    firms = Firm.objects.bulk_create(
        Firm(
            name=f"Massebedrift {start + i:05d} AS",
            org_number=org_number(start + i),
            municipality=MUNICIPALITIES[i % len(MUNICIPALITIES)],
            industry=INDUSTRIES[i % len(INDUSTRIES)],
            size_band=SizeBand.S10_19,
        )
        for i in range(count)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(run=run_, firm=firm, status=EnrolmentStatus.ACCEPTED)
        for firm in firms
    )
    Certification.objects.bulk_create(
        Certification(
            enrolment=enrolment,
            holder_name=firm.name,
            code=code(),
            issued_on=today - timedelta(days=10),
            valid_until=today + timedelta(days=355),
        )
        for firm, enrolment in zip(firms, enrolments, strict=True)
    )
    _analyse(Firm, Enrolment, Certification)
    return firms


def _analyse(*models):
    """After a bulk load, PostgreSQL's planner statistics are brought up to date,
    as autovacuum does for a real one. Without this, statistics that an earlier
    test left from nearly empty tables (autovacuum analyses committed rows at
    any time) make the planner expect one row and loop over thousands: the
    registry's count alone then took minutes."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
