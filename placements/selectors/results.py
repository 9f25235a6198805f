"""Reads for results: what the placements add up to, as counts only.

The firm's yearly follow-up is pre-filled from its placements
(`follow_up_prefill`), and the results dashboard shows live counts of the
placements on the platform (`placement_counts`). Nothing here returns a name,
an e-mail address or a row per person: only how many.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q

from results.categories import ARRANGEMENT_FIELDS, ENDED_FIELDS, ended_field

from ..models import Placement, PlacementStatus

# The statuses of a placement the trainee has accepted (an invitation nobody
# accepted is nobody taken in).
ACCEPTED_STATUSES = (PlacementStatus.ACTIVE, PlacementStatus.ENDED)

# The keys of `follow_up_prefill` besides the form's counts.
PREFILL_EXTRA_KEYS = ("placement_count", "started_count", "ended_count")


def _last(rows: Iterable[dict], day: str) -> dict[int, dict]:
    """Each trainee's row with the latest `day` (then the highest pk)."""
    latest: dict[int, dict] = {}
    for row in sorted(rows, key=lambda row: (row[day], row["pk"])):
        latest[row["trainee_id"]] = row
    return latest


def follow_up_prefill(*, firm, period_start: date, period_end: date) -> dict:
    """The follow-up's figures as the firm's placements give them for the
    period from `period_start` to `period_end` (both counted), in one query.

    Counted: the placements of `firm` whose trainee accepted the invitation
    (status under way or ended) and that ran at some time in the period
    (started by its last day, not ended before its first). An invitation never
    accepted counts nowhere. Each person is counted once:

    - `<arrangement>` (the form's arrangement fields): people whose placement
      started in the period, under the arrangement of the latest one that
      started (the form counts each person once, under the arrangement they
      have now or had last); these add up to the people taken in.
    - `ended_<outcome>`: people whose placement ended in the period, by the
      outcome of the latest one that ended.
    - `mentors`: the distinct mentors of the placements counted.
    - `placement_count`: how many placements were counted (the page's
      sentence); `started_count` and `ended_count`: how many of them started
      and ended in the period (what the page lists).

    Placements whose trainee withdrew sharing with the firm are counted too.
    The withdrawal closes the record to the firm; these figures are not the
    record but counts that the contact sees only as totals together with the
    other placements, and they stay within the firm, which took the person in
    and knows that it did. Leaving them out would make the figures wrong
    without hiding anyone. Target groups are never pre-filled: the platform
    records nothing about them.
    """
    rows = list(
        Placement.objects.filter(
            firm=firm,
            status__in=ACCEPTED_STATUSES,
            trainee__isnull=False,
            starts_on__lte=period_end,
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period_start))
        .values(
            "pk",
            "trainee_id",
            "mentor_id",
            "arrangement",
            "starts_on",
            "ended_on",
            "outcome",
        )
    )
    started = [row for row in rows if period_start <= row["starts_on"]]
    ended = [
        row
        for row in rows
        if row["ended_on"] is not None and row["ended_on"] <= period_end
    ]
    arrangements = Counter(
        row["arrangement"] for row in _last(started, "starts_on").values()
    )
    outcomes = Counter(
        ended_field(row["outcome"]) for row in _last(ended, "ended_on").values()
    )
    return {
        **{name: arrangements[name] for name in ARRANGEMENT_FIELDS},
        **{name: outcomes[name] for name in ENDED_FIELDS},
        "mentors": len({row["mentor_id"] for row in rows}),
        "placement_count": len(rows),
        "started_count": len(started),
        "ended_count": len(ended),
    }


# The dashboard ------------------------------------------------------------------


def placement_counts(*, firm_ids=None) -> dict[tuple[str, str], int]:
    """Placements the trainee accepted, counted by (arrangement, outcome) —
    outcome "" for one under way — in one grouped query. `firm_ids`: the firms
    to count (ids or a subquery of them); None counts every firm."""
    placements = Placement.objects.filter(status__in=ACCEPTED_STATUSES)
    if firm_ids is not None:
        placements = placements.filter(firm_id__in=firm_ids)
    rows = (
        placements.values("arrangement", "status", "outcome")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: Counter = Counter()
    for row in rows:
        outcome = row["outcome"] if row["status"] == PlacementStatus.ENDED else ""
        counts[(row["arrangement"], outcome)] += row["count"]
    return dict(counts)
