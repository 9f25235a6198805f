"""Writes for validation cases: planning and the workflow.

The workflow is one table (`CASE_TRANSITIONS`) and one function that applies it
(`case_transition`). A transition names the states it may start from, the state
it leads to, who may take it (a predicate on the user and the case) and whether
a reason is required. Applying one bumps the case's version only if nobody moved
the case since the form was shown, and writes the `CaseEvent` in the same
transaction; two people acting at once: one wins, the other is told.

Evidence and criterion decisions are in `portfolio`, the sampling plans of
internal verification and external moderation in `sampling`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.roles import Role
from lms.verification import unused_code

from .. import notifications
from ..models import (
    AssessmentCriterion,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    CriterionDecision,
    CriterionOutcome,
    Unit,
    UnitStatus,
    ValidationCertificate,
)
from ..rules import (
    can_certify_case,
    is_case_assessor,
    is_case_candidate,
    is_case_moderator,
    is_case_observer,
    is_case_verifier,
)
from . import sampling

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
OBSERVER_IS_ASSESSOR_MESSAGE = _(
    "The workplace mentor cannot also be the assessor: choose an assessor who "
    "does not follow the trainee at work."
)
OBSERVER_IS_CANDIDATE_MESSAGE = _(
    "The workplace mentor cannot be the candidate of the same case."
)
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
        # The observer too: their first observation record starts the case.
        actor=is_case_candidate | is_case_assessor | is_case_observer,
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
        data["internal_verification"] = sampling.iv_sample_decide(case=case)
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
def case_create(
    *,
    candidate: User,
    unit: Unit,
    assessor: User,
    by: User,
    observer: User | None = None,
) -> Case:
    """A planned case for `candidate` on an approved unit version, with an
    assessor who is not the candidate and, for a trainee, the workplace mentor
    as observer (neither the assessor nor the candidate); the candidate gets the
    candidate role."""
    if unit.status != UnitStatus.APPROVED:
        raise ValidationError(UNIT_NOT_APPROVED_MESSAGE, code="unit_not_approved")
    if assessor.pk == candidate.pk:
        raise ValidationError(ASSESSOR_IS_CANDIDATE_MESSAGE, code="assessor_candidate")
    if observer is not None and observer.pk == assessor.pk:
        raise ValidationError(OBSERVER_IS_ASSESSOR_MESSAGE, code="observer_assessor")
    if observer is not None and observer.pk == candidate.pk:
        raise ValidationError(OBSERVER_IS_CANDIDATE_MESSAGE, code="observer_candidate")
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
        candidate=candidate,
        unit=unit,
        assessor=assessor,
        observer=observer,
        created_by=by,
    )
    data = {"unit": unit.code, "version": unit.version, "assessor": assessor.pk}
    if observer is not None:
        data["observer"] = observer.pk
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.CREATED,
        to_status=CaseStatus.PLANNED,
        by=by,
        data=data,
    )
    return case


@transaction.atomic
def case_observer_remove(*, case: Case, by: User) -> Case:
    """Clear the case's observer (the trainee withdrew sharing with the firm) and
    record it in the audit trail. The status and the workflow's version stay as
    they are: it is not a step, so nobody's open form goes stale; the evidence
    the observer added stays with the candidate. A case without an observer is
    left as it is."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.observer_id is None:
        return case
    observer_id = case.observer_id
    Case.objects.filter(pk=case.pk).update(observer=None, updated_at=timezone.now())
    case.refresh_from_db()
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.OBSERVER_REMOVED,
        from_status=case.status,
        to_status=case.status,
        by=by,
        data={"observer": observer_id},
    )
    return case


# Certificates -----------------------------------------------------------------


def _certificate_issue(case: Case, *, by: User) -> ValidationCertificate:
    certificate = ValidationCertificate(
        case=case,
        code=unused_code(),
        issued_on=timezone.localdate(),
        issued_by=by,
        holder_name=case.candidate.get_full_name() or case.candidate.email,
    )
    certificate.full_clean()
    certificate.save()
    return certificate
