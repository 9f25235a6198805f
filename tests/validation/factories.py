"""Validation test data, built through the services as a real case would be.

`certified_case()` takes a case from planned to certified in one call: evidence
mapped to every criterion, submitted, every criterion met, assessed, verified
when internal verification samples it, certified. `open_case()` stops earlier.
"""

from lms.accounts import services as account_services
from lms.accounts.roles import Role
from tests.accounts.factories import UserFactory
from validation.models import (
    AssessmentCriterion,
    Case,
    CaseStatus,
    CriterionOutcome,
    EvidenceKind,
    Level,
    Unit,
)
from validation.services import cases as services
from validation.services.cases import CaseAction
from validation.services.units import unit_approve, unit_create_draft


def person(*roles, **fields):
    """A user holding `roles`."""
    user = UserFactory(**fields)
    for role in roles:
        account_services.role_grant(user=user, role=role)
    return user


def unit_approved(
    *,
    code: str = "AM-01",
    title: str = "Ta imot en ny kollega med behov for tilrettelegging",
    level: str = Level.TWO,
    credits: int = 3,
    outcomes: int = 2,
    criteria: int = 2,
    by=None,
) -> Unit:
    """An approved unit with `outcomes` outcomes of `criteria` criteria each."""
    panel = by or person(Role.PROGRAMME_OWNER)
    unit = unit_create_draft(
        code=code,
        title=title,
        level=level,
        credits=credits,
        outcomes=[
            (
                number,
                f"Kandidaten kan {code} utfall {number}",
                [(c, f"Kriterium {number}.{c}") for c in range(1, criteria + 1)],
            )
            for number in range(1, outcomes + 1)
        ],
    )
    return unit_approve(unit=unit, by=panel, note="Panelmøte")


def criteria_of(unit: Unit) -> list[AssessmentCriterion]:
    return list(
        AssessmentCriterion.objects.filter(outcome__unit=unit)
        .select_related("outcome")
        .order_by("outcome__number", "number")
    )


def _step(case: Case, action: str, by) -> Case:
    case.refresh_from_db()
    return services.case_transition(
        case=case, action=action, by=by, expected_version=case.version
    )


def open_case(
    *, candidate=None, unit=None, assessor=None, status: str = CaseStatus.COLLECTING
) -> Case:
    """A case in `status` (planned, collecting or submitted); with evidence
    mapped to every criterion from collecting on."""
    candidate = candidate or person(Role.CANDIDATE)
    unit = unit or unit_approved()
    assessor = assessor or person(Role.ASSESSOR)
    case = services.case_create(
        candidate=candidate, unit=unit, assessor=assessor, by=assessor
    )
    if status == CaseStatus.PLANNED:
        return case
    services.evidence_add(
        case=case,
        by=candidate,
        kind=EvidenceKind.REFLECTION,
        title="Refleksjon",
        text="Slik tok jeg imot en ny kollega og fulgte opp de første ukene.",
        criteria=criteria_of(unit),
    )
    if status == CaseStatus.SUBMITTED:
        _step(case, CaseAction.SUBMIT, candidate)
    case.refresh_from_db()
    return case


def certified_case(
    *, candidate=None, unit=None, assessor=None, verifier=None, certifier=None
) -> Case:
    """A certified case with its certificate, through every step a real one
    takes. Internal verification samples it or not as the settings decide
    (VALIDATION_IV_*); when it does, `verifier` (an internal verifier, made if
    not given) is the only one who can be assigned, unless others exist."""
    case = open_case(
        candidate=candidate, unit=unit, assessor=assessor, status=CaseStatus.SUBMITTED
    )
    verifier = verifier or person(Role.INTERNAL_VERIFIER)
    piece = case.evidence.first()
    for criterion in criteria_of(case.unit):
        services.criterion_decide(
            case=case,
            criterion=criterion,
            outcome=CriterionOutcome.MET,
            reason="Vist i refleksjonen og i samtalen.",
            evidence=[piece],
            by=case.assessor,
        )
    case = _step(case, CaseAction.ASSESS, case.assessor)
    if case.iv_selected:
        case = _step(case, CaseAction.VERIFY, case.verifier)
    _step(case, CaseAction.CERTIFY, certifier or case.verifier or verifier)
    case.refresh_from_db()
    return case
