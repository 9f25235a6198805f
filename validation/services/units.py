"""Writes for units: approval by a panel, new versions, retirement.

An approved unit is never edited in place. `unit_new_version` drafts the next
version from it (outcomes and criteria copied), and approving that draft retires
the version before it, so at most one version of a code is approved at a time
and every case keeps the version it started on.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AssessmentCriterion, LearningOutcome, Unit, UnitStatus


def _locked(unit: Unit) -> Unit:
    return Unit.objects.select_for_update().get(pk=unit.pk)


def unit_completeness_errors(unit: Unit) -> list[str]:
    """What keeps a draft from approval: every unit needs outcomes, and every
    outcome criteria."""
    outcomes = list(unit.outcomes.prefetch_related("criteria").order_by("number"))
    if not outcomes:
        return [_("The unit has no learning outcomes.")]
    return [
        _("Learning outcome %(number)s has no assessment criteria.")
        % {"number": outcome.number}
        for outcome in outcomes
        if not outcome.criteria.all()
    ]


@transaction.atomic
def unit_approve(*, unit: Unit, by, note: str = "") -> Unit:
    """Approve a draft (a panel's decision: who, when and a note are kept) and
    retire the approved version it replaces."""
    unit = _locked(unit)
    if unit.status != UnitStatus.DRAFT:
        raise ValidationError(_("Only a draft can be approved."))
    errors = unit_completeness_errors(unit)
    if errors:
        raise ValidationError(errors)
    Unit.objects.filter(code=unit.code, status=UnitStatus.APPROVED).update(
        status=UnitStatus.RETIRED
    )
    unit.status = UnitStatus.APPROVED
    unit.approved_by = by
    unit.approved_at = timezone.now()
    unit.approval_note = note[:300]
    unit.save(update_fields=["status", "approved_by", "approved_at", "approval_note"])
    return unit


@transaction.atomic
def unit_retire(*, unit: Unit) -> Unit:
    unit = _locked(unit)
    if unit.status != UnitStatus.APPROVED:
        raise ValidationError(_("Only an approved unit can be retired."))
    unit.status = UnitStatus.RETIRED
    unit.save(update_fields=["status"])
    return unit


@transaction.atomic
def unit_create_draft(*, code: str, outcomes, version: int = 1, **fields) -> Unit:
    """A draft unit with its outcomes and criteria: `outcomes` is
    ``[(number, text, [(number, text), …]), …]``. For a code that exists, the
    draft is its next version, following the latest one; `version` is used only
    for a new code (an import keeps the version its file gives)."""
    latest = Unit.objects.filter(code=code).order_by("-version").first()
    previous = None
    if latest is not None:
        version = latest.version + 1
        if not Unit.objects.filter(previous=latest).exists():
            previous = latest
    unit = Unit.objects.create(
        code=code,
        version=version,
        status=UnitStatus.DRAFT,
        previous=previous,
        **fields,
    )
    created = LearningOutcome.objects.bulk_create(
        LearningOutcome(unit=unit, number=number, text=text)
        for number, text, _criteria in outcomes
    )
    AssessmentCriterion.objects.bulk_create(
        AssessmentCriterion(outcome=outcome, number=number, text=text)
        for outcome, (_n, _t, criteria) in zip(created, outcomes, strict=True)
        for number, text in criteria
    )
    return unit


@transaction.atomic
def unit_new_version(*, unit: Unit) -> Unit:
    """A draft of the next version, copied from `unit` with its outcomes and
    criteria. Only one draft of a code at a time: an existing draft is returned."""
    unit = _locked(unit)
    existing = Unit.objects.filter(code=unit.code, status=UnitStatus.DRAFT).first()
    if existing is not None:
        return existing
    if unit.status == UnitStatus.DRAFT:
        raise ValidationError(_("A draft is edited as it is, not versioned."))
    return unit_create_draft(
        code=unit.code,
        title=unit.title,
        level=unit.level,
        credits=unit.credits,
        purpose=unit.purpose,
        suggested_evidence=unit.suggested_evidence,
        review_date=unit.review_date,
        outcomes=[
            (
                outcome.number,
                outcome.text,
                [(c.number, c.text) for c in outcome.criteria.order_by("number")],
            )
            for outcome in unit.outcomes.order_by("number")
        ],
    )
