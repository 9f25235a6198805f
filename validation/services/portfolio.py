"""Writes for what a case holds: evidence (files checked by `validation.files`,
or text) mapped to criteria, and the assessor's criterion decisions, each a new
append-only row (the latest counts).
"""

import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User

from ..models import (
    ASSESSOR_EVIDENCE_KINDS,
    CANDIDATE_EVIDENCE_KINDS,
    AssessmentCriterion,
    Case,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
)
from ..rules import is_case_assessor, is_case_candidate, is_case_observer
from .cases import CaseAction, case_transition

EVIDENCE_NOT_ALLOWED_MESSAGE = _(
    "Evidence of this kind cannot be added to the case by you now."
)
EVIDENCE_LOCKED_MESSAGE = _(
    "The case has been submitted: its evidence can no longer be changed."
)
EVIDENCE_CITED_MESSAGE = _(
    "This evidence is cited in an assessment decision and cannot be removed."
)
EVIDENCE_FILE_REQUIRED_MESSAGE = _("Choose a file to upload.")
EVIDENCE_TEXT_REQUIRED_MESSAGE = _("Write the text of this evidence.")
WITNESS_REQUIRED_MESSAGE = _("Give the witness's name and role.")
CRITERION_NOT_IN_UNIT_MESSAGE = _("A criterion does not belong to this unit.")
EVIDENCE_NOT_IN_CASE_MESSAGE = _("Cited evidence must belong to this case.")
DECISION_NOT_ALLOWED_MESSAGE = _(
    "Criteria can only be decided by the case's assessor while the case is "
    "submitted for assessment."
)
DECISION_REASON_MESSAGE = _("Give the reason for the decision.")
DECISION_EVIDENCE_MESSAGE = _("A criterion is met only on evidence: cite at least one.")


def _check_criteria(case: Case, criteria: Iterable[AssessmentCriterion]) -> list:
    criteria = list(criteria)
    allowed = set(
        AssessmentCriterion.objects.filter(outcome__unit=case.unit_id).values_list(
            "pk", flat=True
        )
    )
    if any(criterion.pk not in allowed for criterion in criteria):
        raise ValidationError(CRITERION_NOT_IN_UNIT_MESSAGE, code="criterion_unit")
    return criteria


# While the case is open to them: the candidate until they submit, the
# assessor until they confirm the assessment.
CANDIDATE_OPEN = frozenset({CaseStatus.PLANNED, CaseStatus.COLLECTING})
ASSESSOR_OPEN = frozenset(
    {CaseStatus.PLANNED, CaseStatus.COLLECTING, CaseStatus.SUBMITTED}
)
# A trainee's workplace mentor records what they saw at work, while the
# candidate collects; they never judge it.
OBSERVER_EVIDENCE_KINDS = frozenset({EvidenceKind.OBSERVATION, EvidenceKind.WITNESS})
OBSERVER_OPEN = CANDIDATE_OPEN


def evidence_kinds_for(*, case: Case, user) -> list[str]:
    """The kinds of evidence `user` may add to `case` now, in the page's order."""
    if is_case_candidate.test(user, case) and case.status in CANDIDATE_OPEN:
        allowed = CANDIDATE_EVIDENCE_KINDS
    elif is_case_assessor.test(user, case) and case.status in ASSESSOR_OPEN:
        allowed = ASSESSOR_EVIDENCE_KINDS
    elif is_case_observer.test(user, case) and case.status in OBSERVER_OPEN:
        allowed = OBSERVER_EVIDENCE_KINDS
    else:
        return []
    return [kind for kind in EvidenceKind.values if kind in allowed]


@transaction.atomic
def evidence_add(
    *,
    case: Case,
    by: User,
    kind: str,
    title: str,
    text: str = "",
    checked_file=None,
    witness_name: str = "",
    witness_role: str = "",
    criteria: Iterable[AssessmentCriterion] = (),
) -> Evidence:
    """Add one piece of evidence (a file already checked by
    `validation.files.evidence_file_check`, or text) mapped to `criteria`. The
    first piece starts a planned case. Nothing is stored when anything is wrong."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if kind not in evidence_kinds_for(case=case, user=by):
        raise PermissionDenied(EVIDENCE_NOT_ALLOWED_MESSAGE)
    criteria = _check_criteria(case, criteria)
    if kind == EvidenceKind.FILE and checked_file is None:
        raise ValidationError(EVIDENCE_FILE_REQUIRED_MESSAGE, code="file_required")
    if kind != EvidenceKind.FILE and not (text or "").strip():
        raise ValidationError(EVIDENCE_TEXT_REQUIRED_MESSAGE, code="text_required")
    if kind == EvidenceKind.WITNESS and not (
        witness_name.strip() and witness_role.strip()
    ):
        raise ValidationError(WITNESS_REQUIRED_MESSAGE, code="witness_required")
    evidence = Evidence(
        case=case,
        kind=kind,
        title=title.strip(),
        text=(text or "").strip(),
        witness_name=witness_name.strip(),
        witness_role=witness_role.strip(),
        added_by=by,
    )
    evidence.full_clean(exclude=["file"])
    stored = None
    try:
        if checked_file is not None:
            evidence.content_type = checked_file.content_type
            evidence.size = checked_file.size
            evidence.original_name = checked_file.original_name
            name = f"{uuid.uuid4().hex}.{checked_file.extension}"
            evidence.file.save(name, checked_file.content, save=False)
            stored = evidence.file.name
        evidence.save()
        evidence.criteria.set(criteria)
        if case.status == CaseStatus.PLANNED:
            case_transition(
                case=case,
                action=CaseAction.START,
                by=by,
                expected_version=case.version,
            )
        else:
            Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    except Exception:
        # The file went to storage before the row: nothing is kept on failure.
        if stored:
            evidence.file.storage.delete(stored)
        raise
    return evidence


def evidence_changeable_by(*, evidence: Evidence, case: Case, user) -> bool:
    """Its author may re-map or remove a piece while the case is open to them."""
    if evidence.added_by_id != user.pk:
        return False
    if is_case_candidate.test(user, case):
        return case.status in CANDIDATE_OPEN
    if is_case_assessor.test(user, case):
        return case.status in ASSESSOR_OPEN
    if is_case_observer.test(user, case):
        return case.status in OBSERVER_OPEN
    return False


@transaction.atomic
def evidence_map(
    *, evidence: Evidence, criteria: Iterable[AssessmentCriterion], by: User
) -> Evidence:
    """Set which criteria a piece of evidence shows (its author, while the case
    is open to them)."""
    evidence = Evidence.objects.select_related("case").get(pk=evidence.pk)
    if not evidence_changeable_by(evidence=evidence, case=evidence.case, user=by):
        if evidence.case.status not in CANDIDATE_OPEN:
            raise ValidationError(EVIDENCE_LOCKED_MESSAGE, code="locked")
        raise PermissionDenied(EVIDENCE_NOT_ALLOWED_MESSAGE)
    evidence.criteria.set(_check_criteria(evidence.case, criteria))
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, by: User) -> None:
    """Remove a piece of evidence its author added, unless a decision cites it."""
    evidence = Evidence.objects.select_related("case").get(pk=evidence.pk)
    if not evidence_changeable_by(evidence=evidence, case=evidence.case, user=by):
        if evidence.case.status not in CANDIDATE_OPEN:
            raise ValidationError(EVIDENCE_LOCKED_MESSAGE, code="locked")
        raise PermissionDenied(EVIDENCE_NOT_ALLOWED_MESSAGE)
    if CriterionDecision.evidence.through.objects.filter(evidence=evidence).exists():
        raise ValidationError(EVIDENCE_CITED_MESSAGE, code="cited")
    file = evidence.file
    evidence.criteria.clear()
    evidence.delete()
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


# Decisions --------------------------------------------------------------------


@transaction.atomic
def criterion_decide(
    *,
    case: Case,
    criterion: AssessmentCriterion,
    outcome: str,
    reason: str,
    evidence: Iterable[Evidence],
    by: User,
) -> CriterionDecision:
    """Record the assessor's decision on one criterion (a new row each time;
    the latest counts). Met needs at least one piece of cited evidence."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not is_case_assessor.test(by, case) or case.status != CaseStatus.SUBMITTED:
        raise PermissionDenied(DECISION_NOT_ALLOWED_MESSAGE)
    _check_criteria(case, [criterion])
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(DECISION_REASON_MESSAGE, code="reason_required")
    evidence = list(evidence)
    if any(piece.case_id != case.pk for piece in evidence):
        raise ValidationError(EVIDENCE_NOT_IN_CASE_MESSAGE, code="evidence_case")
    if outcome == CriterionOutcome.MET and not evidence:
        raise ValidationError(DECISION_EVIDENCE_MESSAGE, code="evidence_required")
    decision = CriterionDecision(
        case=case, criterion=criterion, outcome=outcome, reason=reason, by=by
    )
    decision.full_clean()
    decision.save()
    decision.evidence.add(*evidence)
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return decision
