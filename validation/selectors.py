"""Reads for validation cases, each in a fixed number of queries.

`case_portfolio` is the criteria × evidence grid every role's case page shows:
a unit with 20 criteria and a case with 100 pieces of evidence cost the same
queries as a small one.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from .models import (
    AssessmentCriterion,
    Case,
    CaseEvent,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Evidence,
    LearningOutcome,
)

CASE_RELATED = (
    "candidate",
    "assessor",
    "verifier",
    "observer",
    "unit",
    "moderation_sample",
)


@dataclass
class CriterionRow:
    criterion: AssessmentCriterion
    evidence: list[Evidence] = field(default_factory=list)
    decision: CriterionDecision | None = None  # the latest one

    @property
    def covered(self) -> bool:
        return bool(self.evidence)

    @property
    def met(self) -> bool:
        return (
            self.decision is not None and self.decision.outcome == CriterionOutcome.MET
        )


@dataclass
class OutcomeRows:
    outcome: LearningOutcome
    rows: list[CriterionRow]

    @property
    def achieved(self) -> bool:
        return all(row.met for row in self.rows)


@dataclass
class Portfolio:
    case: Case
    outcomes: list[OutcomeRows]
    evidence: list[Evidence]
    events: list[CaseEvent]
    # The criteria each piece of evidence is mapped to, by the evidence's pk.
    criteria_of: dict[int, list[AssessmentCriterion]] = field(default_factory=dict)

    @property
    def rows(self) -> list[CriterionRow]:
        return [row for outcome in self.outcomes for row in outcome.rows]

    @property
    def criteria_count(self) -> int:
        return len(self.rows)

    @property
    def covered_count(self) -> int:
        return sum(row.covered for row in self.rows)

    @property
    def met_count(self) -> int:
        return sum(row.met for row in self.rows)

    @property
    def missing(self) -> list[CriterionRow]:
        return [row for row in self.rows if not row.covered]


def case_get(*, pk: int) -> Case:
    """The case with the people and unit every page shows (one query)."""
    return Case.objects.select_related(*CASE_RELATED, "certificate").filter(pk=pk).get()


def case_portfolio(*, case: Case) -> Portfolio:
    """Outcomes → criteria, each with its mapped evidence and latest decision;
    the evidence list and the audit trail. Five queries whatever the size."""
    outcomes = list(
        LearningOutcome.objects.filter(unit=case.unit_id)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "criteria",
                queryset=AssessmentCriterion.objects.order_by("number"),
            )
        )
    )
    evidence = list(
        Evidence.objects.filter(case=case)
        .select_related("added_by")
        .order_by("added_at", "pk")
    )
    # The mapping as plain pairs from the link table: no model per link.
    criteria = {
        criterion.pk: criterion
        for outcome in outcomes
        for criterion in outcome.criteria.all()
    }
    pieces = {piece.pk: piece for piece in evidence}
    by_criterion: dict[int, list[Evidence]] = defaultdict(list)
    criteria_of: dict[int, list[AssessmentCriterion]] = defaultdict(list)
    for evidence_id, criterion_id in (
        Evidence.criteria.through.objects.filter(evidence__case=case)
        .order_by("evidence_id", "assessmentcriterion_id")
        .values_list("evidence_id", "assessmentcriterion_id")
    ):
        by_criterion[criterion_id].append(pieces[evidence_id])
        criteria_of[evidence_id].append(criteria[criterion_id])
    for found in by_criterion.values():
        found.sort(key=lambda piece: (piece.added_at, piece.pk))
    latest: dict[int, CriterionDecision] = {}
    for decision in (
        CriterionDecision.objects.filter(case=case)
        .select_related("by")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.only("pk", "title"))
        )
        .order_by("at", "pk")
    ):
        latest[decision.criterion_id] = decision
    grid = []
    for outcome in outcomes:
        rows = []
        for criterion in outcome.criteria.all():
            # The label reads the outcome; give it the one already loaded.
            criterion.outcome = outcome
            rows.append(
                CriterionRow(
                    criterion=criterion,
                    evidence=by_criterion.get(criterion.pk, []),
                    decision=latest.get(criterion.pk),
                )
            )
        grid.append(OutcomeRows(outcome=outcome, rows=rows))
    events = list(
        CaseEvent.objects.filter(case=case).select_related("by").order_by("at", "pk")
    )
    return Portfolio(
        case=case,
        outcomes=grid,
        evidence=evidence,
        events=events,
        criteria_of={
            pk: sorted(found, key=_criterion_order) for pk, found in criteria_of.items()
        },
    )


def _criterion_order(criterion: AssessmentCriterion) -> tuple[int, int]:
    return (criterion.outcome.number, criterion.number)


def _cases() -> QuerySet[Case]:
    return Case.objects.select_related(*CASE_RELATED).order_by("-updated_at", "pk")


def cases_of_candidate(*, user) -> QuerySet[Case]:
    return _cases().filter(candidate=user).select_related("certificate")


def assessor_queue(*, user) -> QuerySet[Case]:
    """The assessor's cases, the ones waiting for them first."""
    return _cases().filter(assessor=user).exclude(status=CaseStatus.CERTIFIED)


def verifier_samples(*, user) -> QuerySet[Case]:
    """Cases sampled for this verifier and still waiting for them."""
    return _cases().filter(verifier=user, status=CaseStatus.ASSESSED)


def ready_to_certify(*, user=None) -> QuerySet[Case]:
    """Cases whose quality checks are done: assessed and not sampled, verified
    and not in a moderation sample, or moderated."""
    from django.db.models import Q

    cases = _cases().filter(
        Q(status=CaseStatus.ASSESSED, iv_selected=False)
        | Q(status=CaseStatus.VERIFIED, moderation_sample__isnull=True)
        | Q(status=CaseStatus.MODERATED)
    )
    if user is not None:
        cases = cases.exclude(candidate=user).exclude(assessor=user)
    return cases


def moderation_cases(*, user) -> QuerySet[Case]:
    return _cases().filter(moderation_sample__moderator=user)


def moderation_samples_of(*, user) -> QuerySet:
    """The moderator's samples, newest first, each with how many cases it holds,
    how many wait for the moderator, were confirmed, or were sent back (one
    query)."""
    from django.db.models import Count, Q

    from .models import CaseEventKind, ModerationSample

    done = (CaseStatus.MODERATED, CaseStatus.CERTIFIED)
    return (
        ModerationSample.objects.filter(moderator=user)
        .annotate(
            case_count=Count("cases", distinct=True),
            waiting_count=Count(
                "cases", filter=Q(cases__status=CaseStatus.VERIFIED), distinct=True
            ),
            confirmed_count=Count(
                "cases", filter=Q(cases__status__in=done), distinct=True
            ),
            sent_back_count=Count(
                "cases",
                filter=Q(cases__events__kind=CaseEventKind.MODERATOR_SENT_BACK),
                distinct=True,
            ),
        )
        .order_by("-drawn_at", "-pk")
    )


@dataclass(frozen=True)
class CaseProgress:
    """How far a case is: criteria with evidence, and criteria met (latest
    decision). Progress only: a unit gives credit when certified, never before."""

    criteria: int
    covered: int
    met: int

    @property
    def missing(self) -> int:
        return self.criteria - self.covered


def case_progress(*, cases: list[Case]) -> dict[int, CaseProgress]:
    """Progress of each case by pk, in three queries whatever the number of cases."""
    from django.db.models import Count

    if not cases:
        return {}
    criteria_per_unit = dict(
        AssessmentCriterion.objects.filter(
            outcome__unit__in={case.unit_id for case in cases}
        )
        .values_list("outcome__unit")
        .annotate(count=Count("pk"))
        .order_by()
    )
    covered = dict(
        Evidence.criteria.through.objects.filter(evidence__case__in=cases)
        .values_list("evidence__case")
        .annotate(count=Count("assessmentcriterion", distinct=True))
        .order_by()
    )
    latest: dict[tuple[int, int], str] = {}
    for case_id, criterion_id, outcome in (
        CriterionDecision.objects.filter(case__in=cases)
        .order_by("at", "pk")
        .values_list("case", "criterion", "outcome")
    ):
        latest[case_id, criterion_id] = outcome
    met: dict[int, int] = defaultdict(int)
    for (case_id, _criterion), outcome in latest.items():
        met[case_id] += outcome == CriterionOutcome.MET
    return {
        case.pk: CaseProgress(
            criteria=criteria_per_unit.get(case.unit_id, 0),
            covered=covered.get(case.pk, 0),
            met=met[case.pk],
        )
        for case in cases
    }
