"""Writes for validation cases: planning, the workflow, evidence and decisions.

The workflow is one table (`CASE_TRANSITIONS`) and one function that applies it
(`case_transition`). A transition names the states it may start from, the state
it leads to, who may take it (a predicate on the user and the case) and whether
a reason is required. Applying one bumps the case's version only if nobody moved
the case since the form was shown, and writes the `CaseEvent` in the same
transaction; two people acting at once: one wins, the other is told.
"""

import math
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from courses.codes import new_code
from lms.accounts.models import User
from lms.accounts.roles import Role
from lms.verification import code_in_use

from .. import notifications
from ..models import (
    ASSESSOR_EVIDENCE_KINDS,
    CANDIDATE_EVIDENCE_KINDS,
    AssessmentCriterion,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Evidence,
    EvidenceKind,
    ModerationSample,
    Unit,
    UnitStatus,
    ValidationCertificate,
)
from ..rules import (
    can_certify_case,
    is_case_assessor,
    is_case_candidate,
    is_case_moderator,
    is_case_verifier,
)

CASE_CHANGED_MESSAGE = _(
    "Someone else changed this case while you were looking at it. Nothing was "
    "changed by you: look at the case as it is now and try again."
)
TRANSITION_NOT_ALLOWED_MESSAGE = _(
    "This step cannot be taken now: the case is %(status)s."
)
TRANSITION_WRONG_ROLE_MESSAGE = _("You may not take this step on this case.")
REASON_REQUIRED_MESSAGE = _(
    "Write the reason: the person who gets the case back needs to know what to do."
)
UNIT_NOT_APPROVED_MESSAGE = _("Cases can only be started on an approved unit.")
ASSESSOR_IS_CANDIDATE_MESSAGE = _("The assessor cannot be the candidate.")
NOT_AN_ASSESSOR_MESSAGE = _("%(name)s is not an assessor.")
CASE_EXISTS_MESSAGE = _("%(name)s already has a case on this unit version.")
NO_EVIDENCE_MESSAGE = _(
    "Add evidence before you submit: every criterion needs at least one piece."
)
CRITERIA_WITHOUT_EVIDENCE_MESSAGE = _(
    "These criteria have no evidence yet: %(criteria)s. Add or map evidence to "
    "them before you submit."
)
CRITERIA_NOT_MET_MESSAGE = _(
    "The unit is achieved only when every criterion is met. Not met yet or not "
    "decided: %(criteria)s."
)
NOT_SAMPLED_FOR_VERIFICATION_MESSAGE = _(
    "This case was not sampled for internal verification."
)
AWAITING_VERIFICATION_MESSAGE = _(
    "This case was sampled for internal verification and cannot be certified "
    "before the verifier agrees."
)
AWAITING_MODERATION_MESSAGE = _(
    "This case is in an external moderation sample and cannot be certified "
    "before the moderator confirms it."
)
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
NOTHING_TO_SAMPLE_MESSAGE = _(
    "There are no verified cases waiting for external moderation."
)
REPORT_REQUIRED_MESSAGE = _("Write the report on the sample.")
REPORT_WRITTEN_MESSAGE = _("The report on this sample has already been written.")


class CaseAction:
    START = "start"
    SUBMIT = "submit"
    NOT_YET = "not_yet"
    ASSESS = "assess"
    VERIFY = "verify"
    VERIFIER_SEND_BACK = "verifier_send_back"
    MODERATE = "moderate"
    MODERATOR_SEND_BACK = "moderator_send_back"
    CERTIFY = "certify"


@dataclass(frozen=True)
class CaseTransition:
    sources: frozenset[str]
    target: str
    event: CaseEventKind
    actor: Callable  # a `rules` predicate of (user, case)
    label: Promise
    reason_required: bool = False
    sends_back: bool = False
    # Extra conditions: each returns a refusal message or None.
    guards: tuple[Callable[[Case], ValidationError | None], ...] = field(default=())
    # Whether the step is worth offering at all: guards that need no query.
    offered_when: Callable[[Case], bool] | None = None


def _criteria_without_evidence(case: Case) -> list[str]:
    criteria = AssessmentCriterion.objects.filter(outcome__unit=case.unit_id)
    missing = criteria.exclude(evidence__case=case).select_related("outcome")
    return [
        criterion.label for criterion in missing.order_by("outcome__number", "number")
    ]


def _guard_evidence_covers_criteria(case: Case) -> ValidationError | None:
    if not case.evidence.exists():
        return ValidationError(NO_EVIDENCE_MESSAGE, code="no_evidence")
    missing = _criteria_without_evidence(case)
    if missing:
        return ValidationError(
            CRITERIA_WITHOUT_EVIDENCE_MESSAGE,
            code="criteria_without_evidence",
            params={"criteria": ", ".join(missing)},
        )
    return None


def latest_decisions(case: Case) -> dict[int, CriterionDecision]:
    """The decision that counts for each criterion: the latest one."""
    latest: dict[int, CriterionDecision] = {}
    for decision in case.decisions.order_by("at", "pk"):
        latest[decision.criterion_id] = decision
    return latest


def _guard_all_criteria_met(case: Case) -> ValidationError | None:
    latest = latest_decisions(case)
    criteria = AssessmentCriterion.objects.filter(
        outcome__unit=case.unit_id
    ).select_related("outcome")
    not_met = [
        criterion.label
        for criterion in criteria.order_by("outcome__number", "number")
        if criterion.pk not in latest
        or latest[criterion.pk].outcome != CriterionOutcome.MET
    ]
    if not_met:
        return ValidationError(
            CRITERIA_NOT_MET_MESSAGE,
            code="criteria_not_met",
            params={"criteria": ", ".join(not_met)},
        )
    return None


def _guard_sampled(case: Case) -> ValidationError | None:
    if not case.iv_selected:
        return ValidationError(NOT_SAMPLED_FOR_VERIFICATION_MESSAGE, code="not_sampled")
    return None


def _guard_ready_to_certify(case: Case) -> ValidationError | None:
    if case.status == CaseStatus.ASSESSED and case.iv_selected:
        return ValidationError(AWAITING_VERIFICATION_MESSAGE, code="awaiting_iv")
    if case.status == CaseStatus.VERIFIED and case.moderation_sample_id:
        return ValidationError(AWAITING_MODERATION_MESSAGE, code="awaiting_moderation")
    return None


# The whole workflow. Any move not listed here is refused.
CASE_TRANSITIONS: dict[str, CaseTransition] = {
    CaseAction.START: CaseTransition(
        sources=frozenset({CaseStatus.PLANNED}),
        target=CaseStatus.COLLECTING,
        event=CaseEventKind.STARTED,
        actor=is_case_candidate | is_case_assessor,
        label=_("Start collecting evidence"),
    ),
    CaseAction.SUBMIT: CaseTransition(
        sources=frozenset({CaseStatus.COLLECTING}),
        target=CaseStatus.SUBMITTED,
        event=CaseEventKind.SUBMITTED,
        actor=is_case_candidate,
        label=_("Submit for assessment"),
        guards=(_guard_evidence_covers_criteria,),
    ),
    CaseAction.NOT_YET: CaseTransition(
        sources=frozenset({CaseStatus.SUBMITTED}),
        target=CaseStatus.COLLECTING,
        event=CaseEventKind.NOT_YET,
        actor=is_case_assessor,
        label=_("Send back to the candidate"),
        reason_required=True,
        sends_back=True,
    ),
    CaseAction.ASSESS: CaseTransition(
        sources=frozenset({CaseStatus.SUBMITTED}),
        target=CaseStatus.ASSESSED,
        event=CaseEventKind.ASSESSED,
        actor=is_case_assessor,
        label=_("Confirm the assessment: all criteria met"),
        guards=(_guard_all_criteria_met,),
    ),
    CaseAction.VERIFY: CaseTransition(
        sources=frozenset({CaseStatus.ASSESSED}),
        target=CaseStatus.VERIFIED,
        event=CaseEventKind.VERIFIED,
        actor=is_case_verifier,
        label=_("Agree with the assessment"),
        guards=(_guard_sampled,),
    ),
    CaseAction.VERIFIER_SEND_BACK: CaseTransition(
        sources=frozenset({CaseStatus.ASSESSED}),
        target=CaseStatus.SUBMITTED,
        event=CaseEventKind.VERIFIER_SENT_BACK,
        actor=is_case_verifier,
        label=_("Send back to the assessor with action points"),
        reason_required=True,
        sends_back=True,
        guards=(_guard_sampled,),
    ),
    CaseAction.MODERATE: CaseTransition(
        sources=frozenset({CaseStatus.VERIFIED}),
        target=CaseStatus.MODERATED,
        event=CaseEventKind.MODERATED,
        actor=is_case_moderator,
        label=_("Confirm"),
    ),
    CaseAction.MODERATOR_SEND_BACK: CaseTransition(
        sources=frozenset({CaseStatus.VERIFIED}),
        target=CaseStatus.SUBMITTED,
        event=CaseEventKind.MODERATOR_SENT_BACK,
        actor=is_case_moderator,
        label=_("Send back for a new assessment"),
        reason_required=True,
        sends_back=True,
    ),
    CaseAction.CERTIFY: CaseTransition(
        sources=frozenset(
            {CaseStatus.ASSESSED, CaseStatus.VERIFIED, CaseStatus.MODERATED}
        ),
        target=CaseStatus.CERTIFIED,
        event=CaseEventKind.CERTIFIED,
        actor=can_certify_case,
        label=_("Issue the certificate"),
        guards=(_guard_ready_to_certify,),
        offered_when=lambda case: _guard_ready_to_certify(case) is None,
    ),
}


def case_actions_for(*, case: Case, user) -> list[str]:
    """The actions `user` may take on `case` in its current state (guards aside)."""
    return [
        action
        for action, transition in CASE_TRANSITIONS.items()
        if case.status in transition.sources
        and transition.actor.test(user, case)
        and (transition.offered_when is None or transition.offered_when(case))
    ]


def _refuse_unless_allowed(transition: CaseTransition, *, case: Case, by) -> None:
    if case.status not in transition.sources:
        raise ValidationError(
            TRANSITION_NOT_ALLOWED_MESSAGE,
            code="wrong_state",
            params={"status": CaseStatus(case.status).label},
        )
    if not transition.actor.test(by, case):
        raise PermissionDenied(TRANSITION_WRONG_ROLE_MESSAGE)


@transaction.atomic
def case_transition(
    *, case: Case, action: str, by: User, expected_version: int, reason: str = ""
) -> Case:
    """Apply `action` to `case` if the table allows it for `by` from the case's
    state and nobody moved the case since `expected_version`; writes the audit
    event in the same transaction. Raises ValidationError or PermissionDenied and
    changes nothing otherwise."""
    transition = CASE_TRANSITIONS.get(action)
    if transition is None:
        raise PermissionDenied(TRANSITION_WRONG_ROLE_MESSAGE)
    _refuse_unless_allowed(transition, case=case, by=by)
    reason = (reason or "").strip()
    if transition.reason_required and not reason:
        raise ValidationError(REASON_REQUIRED_MESSAGE, code="reason_required")
    for guard in transition.guards:
        error = guard(case)
        if error is not None:
            raise error
    source = case.status
    updated = Case.objects.filter(
        pk=case.pk, version=expected_version, status=source
    ).update(
        status=transition.target,
        version=F("version") + 1,
        sent_back=transition.sends_back,
        updated_at=timezone.now(),
    )
    if not updated:
        raise ValidationError(CASE_CHANGED_MESSAGE, code="changed")
    case.refresh_from_db()
    data = {}
    if action == CaseAction.ASSESS and case.iv_selected is None:
        data["internal_verification"] = _iv_sample(case)
    if action == CaseAction.CERTIFY:
        certificate = _certificate_issue(case, by=by)
        data["certificate"] = certificate.code
    CaseEvent.objects.create(
        case=case,
        kind=transition.event,
        from_status=source,
        to_status=transition.target,
        by=by,
        reason=reason,
        data=data,
    )
    transaction.on_commit(
        lambda: notifications.case_moved(case_id=case.pk, action=action)
    )
    return case


# Planning ---------------------------------------------------------------------


@transaction.atomic
def case_create(*, candidate: User, unit: Unit, assessor: User, by: User) -> Case:
    """A planned case for `candidate` on an approved unit version, with an
    assessor who is not the candidate; the candidate gets the candidate role."""
    if unit.status != UnitStatus.APPROVED:
        raise ValidationError(UNIT_NOT_APPROVED_MESSAGE, code="unit_not_approved")
    if assessor.pk == candidate.pk:
        raise ValidationError(ASSESSOR_IS_CANDIDATE_MESSAGE, code="assessor_candidate")
    if not assessor.groups.filter(name=Role.ASSESSOR.value).exists():
        raise ValidationError(
            NOT_AN_ASSESSOR_MESSAGE,
            code="not_assessor",
            params={"name": assessor.get_full_name() or assessor.email},
        )
    if Case.objects.filter(candidate=candidate, unit=unit).exists():
        raise ValidationError(
            CASE_EXISTS_MESSAGE,
            code="exists",
            params={"name": candidate.get_full_name() or candidate.email},
        )
    from lms.accounts.services import role_grant

    role_grant(user=candidate, role=Role.CANDIDATE)
    case = Case.objects.create(
        candidate=candidate, unit=unit, assessor=assessor, created_by=by
    )
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.CREATED,
        to_status=CaseStatus.PLANNED,
        by=by,
        data={"unit": unit.code, "version": unit.version, "assessor": assessor.pk},
    )
    return case


# Internal verification --------------------------------------------------------


class SamplingReason:
    NEW_ASSESSOR = "new_assessor"
    SHARE = "share"
    NOT_SELECTED = "not_selected"


def _iv_sample(case: Case, *, rng=None) -> dict:
    """Decide, once per case, whether internal verification samples it, record
    why on the case, and return the figures for the audit trail.

    Every case of an assessor with fewer than VALIDATION_IV_NEW_ASSESSOR_CASES
    verified cases is sampled. Of the rest, the share VALIDATION_IV_SHARE: the
    assessor's later cases are taken in blocks of round(1 / share), and exactly
    one case of each block is sampled, at a random place in the block. The share
    is exact, every case has the same chance, and nobody can tell in advance
    which one it will be.
    """
    rng = rng or secrets.SystemRandom()
    threshold = settings.VALIDATION_IV_NEW_ASSESSOR_CASES
    share = settings.VALIDATION_IV_SHARE
    verified_before = Case.objects.filter(
        assessor=case.assessor_id,
        iv_selected=True,
        status__in=(CaseStatus.VERIFIED, CaseStatus.MODERATED, CaseStatus.CERTIFIED),
    ).count()
    record = {
        "threshold": threshold,
        "share": share,
        "verified_before": verified_before,
    }
    if verified_before < threshold:
        selected, reason = True, SamplingReason.NEW_ASSESSOR
    elif share <= 0:
        selected, reason = False, SamplingReason.NOT_SELECTED
    else:
        block = max(1, round(1 / share))
        earlier = list(
            Case.objects.filter(
                assessor=case.assessor_id,
                iv_reason__in=(SamplingReason.SHARE, SamplingReason.NOT_SELECTED),
            )
            .exclude(pk=case.pk)
            .order_by("pk")
            .values_list("iv_selected", flat=True)
        )
        position = len(earlier) % block
        taken_in_block = any(earlier[len(earlier) - position :]) if position else False
        draw = rng.random()
        selected = not taken_in_block and draw < 1 / (block - position)
        reason = SamplingReason.SHARE if selected else SamplingReason.NOT_SELECTED
        record.update(block=block, position=position, draw=round(draw, 6))
    verifier = _verifier_for(case) if selected else None
    Case.objects.filter(pk=case.pk).update(
        iv_selected=selected, iv_reason=reason, verifier=verifier
    )
    case.iv_selected, case.iv_reason, case.verifier = selected, reason, verifier
    record.update(
        selected=selected,
        reason=reason,
        verifier=verifier.pk if verifier else None,
    )
    return record


def _verifier_for(case: Case) -> User | None:
    """The internal verifier with the fewest open samples who is neither the
    candidate nor the assessor; None when there is nobody."""
    return (
        User.objects.filter(is_active=True, groups__name=Role.INTERNAL_VERIFIER.value)
        .exclude(pk__in=(case.candidate_id, case.assessor_id))
        .annotate(
            open_samples=Count(
                "verified_cases",
                filter=Q(verified_cases__status=CaseStatus.ASSESSED),
            )
        )
        .order_by("open_samples", "pk")
        .first()
    )


# External moderation ----------------------------------------------------------


@transaction.atomic
def moderation_sample_draw(*, moderator: User, rng=None) -> ModerationSample:
    """Draw verified cases across verifiers: from each verifier's waiting cases
    the share VALIDATION_MODERATION_SHARE (at least one), at random; the pool and
    the choice are recorded on the sample."""
    if not moderator.groups.filter(name=Role.EXTERNAL_MODERATOR.value).exists():
        raise PermissionDenied(TRANSITION_WRONG_ROLE_MESSAGE)
    rng = rng or secrets.SystemRandom()
    share = settings.VALIDATION_MODERATION_SHARE
    pool = (
        Case.objects.select_for_update()
        .filter(status=CaseStatus.VERIFIED, moderation_sample__isnull=True)
        .exclude(candidate=moderator)
        .exclude(assessor=moderator)
        .exclude(verifier=moderator)
        .order_by("pk")
    )
    by_verifier: dict[int, list[int]] = {}
    for case_id, verifier_id in pool.values_list("pk", "verifier_id"):
        by_verifier.setdefault(verifier_id, []).append(case_id)
    if not by_verifier:
        raise ValidationError(NOTHING_TO_SAMPLE_MESSAGE, code="nothing_to_sample")
    chosen: list[int] = []
    for case_ids in by_verifier.values():
        count = max(1, math.ceil(len(case_ids) * share))
        chosen.extend(rng.sample(case_ids, count))
    sample = ModerationSample.objects.create(
        moderator=moderator,
        plan={
            "share": share,
            "pool": {str(key): value for key, value in by_verifier.items()},
            "chosen": sorted(chosen),
        },
    )
    Case.objects.filter(pk__in=chosen).update(
        moderation_sample=sample, version=F("version") + 1
    )
    return sample


def moderation_sample_report(
    *, sample: ModerationSample, report: str, by: User
) -> ModerationSample:
    """Write the moderator's report on a sample, once."""
    if sample.moderator_id != by.pk:
        raise PermissionDenied(TRANSITION_WRONG_ROLE_MESSAGE)
    report = (report or "").strip()
    if not report:
        raise ValidationError(REPORT_REQUIRED_MESSAGE, code="report_required")
    updated = ModerationSample.objects.filter(
        pk=sample.pk, reported_at__isnull=True
    ).update(report=report, reported_at=timezone.now())
    if not updated:
        raise ValidationError(REPORT_WRITTEN_MESSAGE, code="report_written")
    sample.refresh_from_db()
    return sample


# Certificates -----------------------------------------------------------------


def _unused_code() -> str:
    while True:
        code = new_code()
        if not code_in_use(code):
            return code


def _certificate_issue(case: Case, *, by: User) -> ValidationCertificate:
    certificate = ValidationCertificate(
        case=case,
        code=_unused_code(),
        issued_on=timezone.localdate(),
        issued_by=by,
        holder_name=case.candidate.get_full_name() or case.candidate.email,
    )
    certificate.full_clean()
    certificate.save()
    return certificate


# Evidence ---------------------------------------------------------------------


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


def evidence_kinds_for(*, case: Case, user) -> list[str]:
    """The kinds of evidence `user` may add to `case` now, in the page's order."""
    if is_case_candidate.test(user, case) and case.status in CANDIDATE_OPEN:
        allowed = CANDIDATE_EVIDENCE_KINDS
    elif is_case_assessor.test(user, case) and case.status in ASSESSOR_OPEN:
        allowed = ASSESSOR_EVIDENCE_KINDS
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
